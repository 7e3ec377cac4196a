from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.protection import ProtectedQuerySet, RefuseDeletion, cascade_unless_protected, protect
from mentoring.models import LearningGoal

from .meetings import Meeting, Participant


class Minutes(RefuseDeletion, models.Model):
    """What a meeting agreed. Once every participant confirmed, the minutes no longer change."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        AWAITING = "awaiting", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("confirmed by everyone")

    meeting = models.OneToOneField(Meeting, on_delete=cascade_unless_protected, related_name="minutes")
    summary = models.TextField(_("summary"))
    next_meeting_at = models.DateTimeField(_("next meeting"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = ProtectedQuerySet.as_manager()

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self):
        return f"{self.meeting}"


class GoalProgress(models.Model):
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="goal_progress")
    goal = models.ForeignKey(LearningGoal, on_delete=models.CASCADE, related_name="+")
    note = models.TextField(_("progress"))

    class Meta:
        verbose_name = _("progress on a goal")
        verbose_name_plural = _("progress on goals")
        constraints = [models.UniqueConstraint(fields=["minutes", "goal"], name="goal_progress_once")]

    def __str__(self):
        return f"{self.minutes} · {self.goal}"


class MinutesConfirmation(models.Model):
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="confirmations")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="confirmations")
    confirmed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("confirmation of minutes")
        verbose_name_plural = _("confirmations of minutes")
        constraints = [
            models.UniqueConstraint(fields=["minutes", "participant"], name="minutes_confirmed_once_per_participant")
        ]

    def __str__(self):
        return f"{self.minutes} · {self.participant}"


# Confirmed minutes are what everyone agreed to: they stay (core/protection.py guards every deletion path).
protect(
    Minutes,
    lambda minutes: minutes.status == Minutes.Status.CONFIRMED,
    _("everyone confirmed these minutes. Confirmed minutes stay as they were."),
)
for _part in (GoalProgress, MinutesConfirmation):
    protect(
        _part,
        lambda part: part.minutes.status == Minutes.Status.CONFIRMED,
        _("it belongs to minutes everyone confirmed."),
    )
