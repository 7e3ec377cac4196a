from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.models import Company, School


class Programme(models.Model):
    """A vocational programme (qualification) a learner follows; it sets the placement hours required."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="programmes", verbose_name=_("school"))
    name = models.CharField(_("name"), max_length=200)
    code = models.CharField(
        _("qualification code"), max_length=20, blank=True, help_text=_("For example the CREBO number.")
    )
    level = models.PositiveSmallIntegerField(
        _("level"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    required_hours = models.PositiveIntegerField(
        _("required placement hours"), default=0, help_text=_("Hours of work placement the programme requires.")
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["school", "name"], name="programme_name_unique_per_school")]

    def __str__(self):
        return f"{self.name} ({self.code})" if self.code else self.name


class PlacementQuerySet(models.QuerySet):
    def with_people(self):
        return self.select_related("learner", "mentor", "supervisor", "company", "school", "programme")

    def ongoing(self):
        return self.filter(status__in=Placement.OPEN_STATUSES)

    def not_archived(self):
        return self.filter(archived_at__isnull=True)

    def archived(self):
        return self.filter(archived_at__isnull=False)


class Placement(models.Model):
    """A learner at a host company for a period: the hub of the learner's journey."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        ACTIVE = "active", _("active")
        COMPLETED = "completed", _("completed")
        ENDED_EARLY = "ended_early", _("ended early")

    OPEN_STATUSES = (Status.PLANNED, Status.ACTIVE)

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="placements_as_learner",
        verbose_name=_("learner"),
    )
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="placements", verbose_name=_("school"))
    company = models.ForeignKey(
        Company, on_delete=models.PROTECT, related_name="placements", verbose_name=_("host company")
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="placements_as_mentor",
        verbose_name=_("work mentor"),
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="placements_as_supervisor",
        verbose_name=_("school supervisor"),
    )
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="placements", verbose_name=_("programme")
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours per week"), validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    # Seed 003: a manager as mentor brings risks (power, impartiality) both mentor and learner should know of.
    mentor_is_line_manager = models.BooleanField(
        _("the work mentor is the learner's line manager"),
        default=False,
        help_text=_("The known risks of a manager as mentor are then shown to the mentor and the learner."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.TextField(_("reason for ending early"), blank=True)
    # Ending a placement's life without deleting it: its signed records, minutes and certificates must stay.
    archived_at = models.DateTimeField(_("archived on"), null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("archived by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Audit history: who changed dates, people, status or archiving, and when (home/history/). updated_at changes
    # on every save and says nothing a history row's date does not.
    history = HistoricalRecords(
        verbose_name=_("historical work placement"),
        verbose_name_plural=_("historical work placements"),
        excluded_fields=["updated_at"],
    )

    objects = PlacementQuerySet.as_manager()

    class Meta:
        verbose_name = _("work placement")
        verbose_name_plural = _("work placements")
        ordering = ["-start_date", "pk"]
        indexes = [
            models.Index(fields=["mentor", "status"]),
            models.Index(fields=["supervisor", "status"]),
            models.Index(fields=["learner", "status"]),
            models.Index(fields=["school", "status"]),
            models.Index(fields=["company", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gt=F("start_date")),
                name="placement_ends_after_start",
                violation_error_message=_("The end date must be after the start date."),
            ),
            models.CheckConstraint(
                condition=~Q(status="ended_early") | (~Q(end_reason="") & Q(ended_on__isnull=False)),
                name="placement_ended_early_has_reason",
                violation_error_message=_("A placement that ended early needs the date and the reason."),
            ),
            models.CheckConstraint(
                condition=Q(hours_per_week__gte=1, hours_per_week__lte=60),
                name="placement_hours_per_week_range",
                violation_error_message=_("Hours per week must be between 1 and 60."),
            ),
        ]

    def __str__(self):
        return f"{self.learner} @ {self.company}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def total_weeks(self) -> int:
        return max(1, round((self.end_date - self.start_date).days / 7))
