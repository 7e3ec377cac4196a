import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from placements.models import Placement

from .choices import CoachingForm
from .plans import LearningGoal


class CoachingSession(models.Model):
    """One logged coaching moment of a placement."""

    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="coaching_sessions", verbose_name=_("placement")
    )
    date = models.DateField(_("date"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(5), MaxValueValidator(600)]
    )
    form = models.CharField(_("form"), max_length=20, choices=CoachingForm.choices, default=CoachingForm.ON_THE_JOB)
    coached_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="coaching_sessions_given",
        verbose_name=_("coached by"),
        help_text=_("The work mentor, or the colleague the technical coaching was delegated to."),
    )
    goals = models.ManyToManyField(LearningGoal, blank=True, related_name="sessions", verbose_name=_("goals addressed"))
    activities = models.TextField(_("what was done"))
    went_well = models.TextField(_("went well"), blank=True)
    to_improve = models.TextField(_("to improve"), blank=True)
    learner_reflection = models.TextField(_("learner's reflection"), blank=True)
    reflection_at = models.DateTimeField(_("reflection added"), null=True, blank=True)
    # The next coaching moment the mentor and learner agreed on; it is in their calendar feeds (home/calendar/).
    next_session_on = models.DateTimeField(
        _("next session"),
        null=True,
        blank=True,
        help_text=_("When you plan to meet again; it appears in the calendar feeds of the mentor and the learner."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("logged"), auto_now_add=True)

    class Meta:
        verbose_name = _("coaching session")
        verbose_name_plural = _("coaching sessions")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["placement", "-date"])]

    def __str__(self):
        return f"{self.placement} · {self.date}"


class PrivateNote(models.Model):
    """A note on a session that only its author ever sees."""

    session = models.ForeignKey(CoachingSession, on_delete=models.CASCADE, related_name="private_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("private note"))

    class Meta:
        verbose_name = _("private note")
        verbose_name_plural = _("private notes")
        constraints = [models.UniqueConstraint(fields=["session", "author"], name="private_note_one_per_author")]

    def __str__(self):
        return f"{self.session} · {self.author_id}"


def attachment_path(instance, filename):
    # A random folder keeps uploaded names from colliding or being guessed.
    return f"sessions/{instance.session.placement_id}/{uuid.uuid4().hex}/{filename}"


class SessionAttachment(models.Model):
    session = models.ForeignKey(CoachingSession, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


class ActionItem(models.Model):
    """An agreement with an owner and a due date; stays on the agenda until done."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="action_items")
    session = models.ForeignKey(
        CoachingSession, on_delete=models.CASCADE, null=True, blank=True, related_name="action_items"
    )
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, null=True, blank=True, related_name="action_items"
    )
    description = models.CharField(_("agreement"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="action_items", verbose_name=_("owner")
    )
    due_date = models.DateField(_("due date"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["placement", "done_at"]), models.Index(fields=["owner", "done_at"])]

    def __str__(self):
        return self.description

    @property
    def is_open(self) -> bool:
        return self.done_at is None
