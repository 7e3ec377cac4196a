"""What is assessed in a placement, how, when and by whom; and the evidence collected for it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from placements.models import Placement

from .frameworks import FrameworkVersion, Indicator


class Method(models.TextChoices):
    OBSERVATION = "observation", _("observation on the job")
    PORTFOLIO = "portfolio", _("portfolio of evidence")
    INTERVIEW = "interview", _("criterion-based interview")
    PRODUCT = "product", _("product assessment")
    FEEDBACK_360 = "feedback_360", _("360° feedback")


class Assessors(models.TextChoices):
    MENTOR = "mentor", _("work mentor")
    SUPERVISOR = "supervisor", _("school supervisor")
    BOTH = "both", _("work mentor and school supervisor")


class AssessmentPlan(models.Model):
    """The placement's assessment plan: one published framework version and the indicators chosen from it."""

    placement = models.OneToOneField(
        Placement, on_delete=models.CASCADE, related_name="assessment_plan", verbose_name=_("placement")
    )
    framework_version = models.ForeignKey(
        FrameworkVersion, on_delete=models.PROTECT, related_name="plans", verbose_name=_("competency framework")
    )
    indicators = models.ManyToManyField(Indicator, related_name="plans", verbose_name=_("indicators"))
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("assessment plan")
        verbose_name_plural = _("assessment plans")

    def __str__(self):
        return f"{self.placement}"


class AssessmentMoment(models.Model):
    """When an assessment happens (for example mid-term and final), with which methods and by whom."""

    class Kind(models.TextChoices):
        MID_TERM = "mid_term", _("mid-term")
        FINAL = "final", _("final")
        OTHER = "other", _("other")

    plan = models.ForeignKey(AssessmentPlan, on_delete=models.CASCADE, related_name="moments")
    kind = models.CharField(_("moment"), max_length=20, choices=Kind.choices, default=Kind.MID_TERM)
    label = models.CharField(_("name"), max_length=120, blank=True)
    due_date = models.DateField(_("date"))
    methods = models.JSONField(_("methods"), default=list)
    assessors = models.CharField(_("assessed by"), max_length=20, choices=Assessors.choices, default=Assessors.BOTH)

    class Meta:
        verbose_name = _("assessment moment")
        verbose_name_plural = _("assessment moments")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.label or self.get_kind_display()

    def method_labels(self) -> list[str]:
        return [str(Method(value).label) for value in self.methods if value in Method.values]


class Evidence(models.Model):
    """What supports a rating: a text, a file, or logged coaching sessions, tagged with indicators."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("description"), blank=True)
    file = models.FileField(_("file"), upload_to="assessments/evidence/%Y/%m/", blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    sessions = models.ManyToManyField(
        "mentoring.CoachingSession", blank=True, related_name="evidence", verbose_name=_("coaching sessions")
    )
    indicators = models.ManyToManyField(Indicator, related_name="evidence", verbose_name=_("indicators"))
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["-added_at", "-pk"]
        indexes = [models.Index(fields=["placement", "-added_at"])]

    def __str__(self):
        return self.title
