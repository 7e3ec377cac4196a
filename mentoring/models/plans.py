from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from placements.models import Placement


class CoachingPlan(models.Model):
    """The agreed coaching trajectory of one placement: SMART goals, manner of coaching, milestones.

    The rows hold the working copy; every submission freezes a PlanVersion that stays readable.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("waiting for approval")
        APPROVED = "approved", _("approved")
        CHANGES_REQUESTED = "changes_requested", _("changes requested")

    placement = models.OneToOneField(
        Placement, on_delete=models.CASCADE, related_name="coaching_plan", verbose_name=_("placement")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    coaching_frequency = models.CharField(
        _("how often"), max_length=200, blank=True, help_text=_("For example: every week, 30 minutes.")
    )
    # The schedule behind coaching_frequency's words: every N weeks a planned session (mentoring/schedule/).
    session_interval_weeks = models.PositiveSmallIntegerField(
        _("planned session every (weeks)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("Leave empty for no schedule. The planned sessions appear under Schedule and in the calendar."),
    )
    coaching_forms = models.JSONField(_("forms of coaching"), default=list, blank=True)
    learning_style = models.TextField(_("learning style"), blank=True, help_text=_("How this learner learns best."))
    energisers = models.TextField(_("what gives energy"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("coaching plan")
        verbose_name_plural = _("coaching plans")

    def __str__(self):
        return f"{self.placement}"


class LearningGoal(models.Model):
    """One SMART goal. Its definition is part of the approved plan; status and progress are tracking."""

    class Status(models.TextChoices):
        ON_TRACK = "on_track", _("on track")
        AT_RISK = "at_risk", _("at risk")
        OFF_TRACK = "off_track", _("off track")
        ACHIEVED = "achieved", _("achieved")

    plan = models.ForeignKey(CoachingPlan, on_delete=models.CASCADE, related_name="goals", verbose_name=_("plan"))
    title = models.CharField(_("what"), max_length=200, help_text=_("What the learner will be able to do."))
    success_measure = models.TextField(_("how success is measured"))
    target_date = models.DateField(_("target date"))
    rationale = models.TextField(_("why it matters"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ON_TRACK)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0, validators=[MaxValueValidator(100)])
    next_review = models.DateField(_("next review"), null=True, blank=True)
    competencies = models.ManyToManyField(
        "assessments.Competency", blank=True, related_name="goals", verbose_name=_("competencies")
    )
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("learning goal")
        verbose_name_plural = _("learning goals")
        ordering = ["position", "target_date", "pk"]
        constraints = [models.CheckConstraint(condition=models.Q(progress__lte=100), name="goal_progress_max_100")]

    def __str__(self):
        return self.title


class Milestone(models.Model):
    plan = models.ForeignKey(CoachingPlan, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    due_date = models.DateField(_("due date"))
    reached_on = models.DateField(_("reached on"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.title


class PlanVersion(models.Model):
    """A frozen copy of the plan as submitted, with the supervisor's decision on it."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("approved")
        CHANGES_REQUESTED = "changes_requested", _("changes requested")
        SUPERSEDED = "superseded", _("replaced by a later version")

    plan = models.ForeignKey(CoachingPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField(_("contents"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("submitted"))
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices, default=Decision.PENDING)
    decision_comment = models.TextField(_("comment"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("coaching plan version")
        verbose_name_plural = _("coaching plan versions")
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number_unique")]

    def __str__(self):
        return f"{self.plan} v{self.number}"
