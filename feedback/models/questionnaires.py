"""Questionnaires as data: a questionnaire (a school's own, or a shipped default without a school) has versions;
a version holds the questions. A published version never changes: it may already have been sent, and the
answers given to it must keep meaning what was asked. A school changes a questionnaire by publishing a new
version; the guard below refuses any save or delete of a published version's questions, and any change of a
published version other than recording its first sending.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.models import School
from assessments.models.bilingual import BilingualTitle


class VersionLocked(Exception):
    """A change to a questionnaire version that is published (and may have been sent)."""

    def __init__(self, message=None):
        super().__init__(str(message or _("This questionnaire version is published and can no longer change.")))


class Audience(models.TextChoices):
    LEARNER = "learner", _("learners")
    MENTOR = "mentor", _("work mentors")
    EMPLOYER = "employer", _("employers")
    PARTICIPANT = "participant", _("course participants")


class Purpose(models.TextChoices):
    MID_PLACEMENT = "mid_placement", _("learner, halfway through the placement")
    END_PLACEMENT = "end_placement", _("learner, at the end of the placement")
    MENTOR_END = "mentor_end", _("work mentor, at the end of the placement")
    EMPLOYER_AFTER = "employer_after", _("employer, after the placement")
    COURSE_AFTER = "course_after", _("participant, right after a course")
    COURSE_EFFECT = "course_effect", _("employer, the course's effect three months later")

    @classmethod
    def about_course(cls, purpose) -> bool:
        return purpose in (cls.COURSE_AFTER, cls.COURSE_EFFECT)


class Questionnaire(BilingualTitle):
    school = models.ForeignKey(
        School,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="questionnaires",
        verbose_name=_("school"),
        help_text=_("Empty for the questionnaires Werkmentor ships, which every school may copy."),
    )
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("copied from")
    )
    # A stable name for the shipped ones, so that loading the defaults again updates nothing twice.
    code = models.SlugField(_("code"), max_length=60, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["purpose", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=Q(school__isnull=True) & ~Q(code=""), name="questionnaire_default_code"
            )
        ]

    @property
    def is_default(self) -> bool:
        return self.school_id is None


class QuestionnaireVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="versions", verbose_name=_("questionnaire")
    )
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    intro_nl = models.TextField(_("introduction (Dutch)"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    first_sent_at = models.DateTimeField(_("first sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("questionnaire version")
        verbose_name_plural = _("questionnaire versions")
        ordering = ["questionnaire", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "number"], name="questionnaire_version_number"),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="questionnaire_version_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(first_sent_at__isnull=True) | Q(status="published"),
                name="questionnaire_version_sent_is_published",
            ),
        ]

    def __str__(self):
        return f"{self.questionnaire} v{self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = QuestionnaireVersion.objects.filter(pk=self.pk).values("status").first()
            update_fields = set(kwargs.get("update_fields") or ())
            if stored and stored["status"] == self.Status.PUBLISHED and update_fields != {"first_sent_at"}:
                raise VersionLocked()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_locked:
            raise VersionLocked()
        return super().delete(*args, **kwargs)

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def intro(self) -> str:
        nl = (get_language() or "en")[:2] == "nl"
        first, second = (self.intro_nl, self.intro_en) if nl else (self.intro_en, self.intro_nl)
        return first or second


class Question(models.Model):
    class Kind(models.TextChoices):
        AGREEMENT = "agreement", _("agreement scale (1–5)")
        SCORE = "score", _("score (0–10)")
        CHOICE = "choice", _("choice")
        TEXT = "text", _("open text")

    class Topic(models.TextChoices):
        GENERAL = "general", _("general")
        MENTOR = "mentor", _("the work mentor")
        COMPANY = "company", _("the host company")
        SCHOOL = "school", _("the school")
        LEARNER = "learner", _("the learner")
        COURSE = "course", _("the course")

    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.CASCADE, related_name="questions", verbose_name=_("version")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    topic = models.CharField(_("about"), max_length=20, choices=Topic.choices, default=Topic.GENERAL)
    text_en = models.CharField(_("question (English)"), max_length=500, blank=True)
    text_nl = models.CharField(_("question (Dutch)"), max_length=500, blank=True)
    choices_en = models.TextField(_("choices (English)"), blank=True, help_text=_("One choice per line."))
    choices_nl = models.TextField(_("choices (Dutch)"), blank=True, help_text=_("One choice per line."))
    required = models.BooleanField(_("an answer is required"), default=False)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["version", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(text_en="") | ~Q(text_nl=""), name="question_has_text"),
        ]

    def __str__(self):
        return self.text

    def save(self, *args, **kwargs):
        if self._version_locked():
            raise VersionLocked()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._version_locked():
            raise VersionLocked()
        return super().delete(*args, **kwargs)

    @property
    def text(self) -> str:
        nl = (get_language() or "en")[:2] == "nl"
        first, second = (self.text_nl, self.text_en) if nl else (self.text_en, self.text_nl)
        return first or second

    @property
    def choices(self) -> list[str]:
        """The choices in the reader's language (the other language's where one is missing)."""
        nl = (get_language() or "en")[:2] == "nl"
        own = [line.strip() for line in (self.choices_nl if nl else self.choices_en).splitlines() if line.strip()]
        other = [line.strip() for line in (self.choices_en if nl else self.choices_nl).splitlines() if line.strip()]
        return [own[i] if i < len(own) else other[i] for i in range(max(len(own), len(other)))]

    @property
    def scale(self) -> list[int]:
        """The values an answer may take, for the closed kinds."""
        if self.kind == self.Kind.AGREEMENT:
            return [1, 2, 3, 4, 5]
        if self.kind == self.Kind.SCORE:
            return list(range(11))
        if self.kind == self.Kind.CHOICE:
            return list(range(len(self.choices)))
        return []

    def _version_locked(self) -> bool:
        return QuestionnaireVersion.objects.filter(pk=self.version_id, status="published").exists()


def _refuse_locked_question_delete(sender, instance, **kwargs):
    # A queryset delete skips Question.delete; this keeps it from taking a published question along.
    if instance.version_id and instance._version_locked():
        raise VersionLocked()


models.signals.pre_delete.connect(_refuse_locked_question_delete, sender=Question, dispatch_uid="feedback_q_locked")
