"""Competency frameworks as data: framework → version → area → competency → indicator, with a rating scale.

A published version never changes (services refuse it); a school changes a framework by publishing a new
version, and every assessment keeps pointing at the version it was made with.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import School

from .bilingual import BilingualTitle


class Framework(BilingualTitle):
    """A framework's identity; its content lives in versions. Shipped frameworks have no school."""

    class Purpose(models.TextChoices):
        LEARNERS = "learners", _("assessing learners")
        MENTORS = "mentors", _("assessing work mentors")

    school = models.ForeignKey(
        School,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="frameworks",
        verbose_name=_("school"),
        help_text=_("Empty for the frameworks that come with Werkmentor."),
    )
    code = models.SlugField(_("code"), max_length=60)
    description = models.TextField(_("description"), blank=True)
    purpose = models.CharField(_("used for"), max_length=20, choices=Purpose.choices, default=Purpose.LEARNERS)
    cloned_from = models.ForeignKey(
        "FrameworkVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="clones",
        verbose_name=_("copied from"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("competency framework")
        verbose_name_plural = _("competency frameworks")
        ordering = ["title_en", "title_nl", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["school", "code"], name="framework_code_unique_per_school"),
            models.UniqueConstraint(
                fields=["code"], condition=Q(school__isnull=True), name="shipped_framework_code_unique"
            ),
            models.CheckConstraint(
                condition=~Q(title_en="") | ~Q(title_nl=""),
                name="framework_has_title",
                violation_error_message=_("Give the framework a title in English or Dutch."),
            ),
        ]

    @property
    def is_shipped(self) -> bool:
        return self.school_id is None


class FrameworkVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        RETIRED = "retired", _("retired")

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    change_note = models.TextField(_("what changed"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("framework version")
        verbose_name_plural = _("framework versions")
        ordering = ["framework", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "number"], name="framework_version_number_unique"),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="framework_version_published_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.framework} v{self.number}"

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class RatingLevel(BilingualTitle):
    """One step of a version's rating scale, in plain words; a higher value is a better rating."""

    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="levels")
    value = models.PositiveSmallIntegerField(_("value"))
    is_passing = models.BooleanField(_("meets the standard"), default=True)

    class Meta:
        verbose_name = _("rating level")
        verbose_name_plural = _("rating levels")
        ordering = ["version", "value"]
        constraints = [models.UniqueConstraint(fields=["version", "value"], name="rating_level_value_unique")]


class CodedTitle(BilingualTitle):
    """A part of a framework with an optional code in front of its title ("1.2 Bakes bread")."""

    class Meta:
        abstract = True

    @property
    def label(self) -> str:
        return f"{self.code} {self.title}" if self.code else self.title


class Area(CodedTitle):
    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="areas")
    code = models.CharField(_("code"), max_length=20, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["version", "position", "pk"]


class Competency(CodedTitle):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="competencies")
    code = models.CharField(_("code"), max_length=20, blank=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")
        ordering = ["area__position", "position", "pk"]


class Indicator(CodedTitle):
    """An observable behaviour to rate (prestatie-indicator)."""

    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("code"), max_length=20, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["competency__area__position", "competency__position", "position", "pk"]
