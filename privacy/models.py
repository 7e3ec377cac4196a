"""Privacy: a school's retention periods, the access and erasure requests it handled, and what retention did."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import School
from placements.models import Placement


class RetentionSettings(models.Model):
    """How long a school keeps what it holds about a placement once it has ended, and whether the daily job acts."""

    school = models.OneToOneField(
        School, on_delete=models.CASCADE, related_name="retention_settings", verbose_name=_("school")
    )
    coaching_years = models.PositiveSmallIntegerField(
        _("coaching content kept for (years)"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("Session notes, reflections, goals, obstacles and incidents, counted from the placement's end."),
    )
    personal_years = models.PositiveSmallIntegerField(
        _("placement personal data kept for (years)"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("The learner's name, contact details and school record, counted from the placement's end."),
    )
    # The job only acts on a school whose coordinator read the dry-run report and switched it on.
    enabled_at = models.DateTimeField(_("retention switched on"), null=True, blank=True)
    enabled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("retention settings")
        verbose_name_plural = _("retention settings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(personal_years__gte=models.F("coaching_years")),
                name="retention_personal_not_before_coaching",
                violation_error_message=_("Personal data cannot go before the coaching content it belongs to."),
            )
        ]

    def __str__(self):
        return f"{self.school}"

    @property
    def is_enabled(self) -> bool:
        return self.enabled_at is not None


class PlacementRetention(models.Model):
    """What retention already removed from one placement, so each step runs once."""

    placement = models.OneToOneField(Placement, on_delete=models.CASCADE, related_name="retention")
    coaching_removed_at = models.DateTimeField(null=True, blank=True)
    personal_removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("placement retention")
        verbose_name_plural = _("placement retention")

    def __str__(self):
        return f"{self.placement_id}"


class PrivacyRequest(models.Model):
    """A person's request to see (access) or remove (erasure) their data, and how the school handled it."""

    class Kind(models.TextChoices):
        ACCESS = "access", _("access")
        ERASURE = "erasure", _("erasure")

    class Status(models.TextChoices):
        RECEIVED = "received", _("received")
        FULFILLED = "fulfilled", _("fulfilled")
        PARTLY = "partly", _("partly fulfilled")
        REFUSED = "refused", _("refused")

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+", verbose_name=_("school"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # The person stays linked after an erasure (their account is anonymised, not deleted): the log keeps its row.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="privacy_requests", verbose_name=_("person")
    )
    received_on = models.DateField(_("received"))
    notes = models.TextField(_("notes"), blank=True, help_text=_("How the request came in, and anything agreed."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("privacy request")
        verbose_name_plural = _("privacy requests")
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["school", "-received_on"])]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.person_id} · {self.received_on}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.RECEIVED
