from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.models import School
from placements.models import Placement

from .meetings import Meeting, Participant


def default_offsets():
    return [7, 1]


class MeetingSettings(models.Model):
    """A school's reminder rules for tripartite meetings."""

    school = models.OneToOneField(
        School, on_delete=models.CASCADE, related_name="meeting_settings", verbose_name=_("school")
    )
    reminder_offsets_days = models.JSONField(
        _("remind this many days before"), default=default_offsets, help_text=_("For example 7 and 1.")
    )
    minutes_reminder_days = models.PositiveSmallIntegerField(_("remind about missing minutes after (days)"), default=2)
    confirmation_reminder_days = models.PositiveSmallIntegerField(
        _("remind about unconfirmed minutes every (days)"), default=3, validators=[MinValueValidator(1)]
    )
    no_meeting_alert_weeks = models.PositiveSmallIntegerField(
        _("alert the supervisor after this many weeks without a meeting"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
    )
    # Audit history: who changed the school's reminder rules, and when (home/history/, kind school-settings).
    history = HistoricalRecords(
        verbose_name=_("historical meeting settings"), verbose_name_plural=_("historical meeting settings")
    )

    class Meta:
        verbose_name = _("meeting settings")
        verbose_name_plural = _("meeting settings")

    def __str__(self):
        return f"{self.school}"


class ReminderLog(models.Model):
    """The decision that one reminder goes to one participant; the unique row makes it exactly-once.

    The scan records rows; delivery marks `sent_at` in the same transaction that sends the e-mail.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="reminder_logs")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="reminder_logs")
    kind = models.CharField(max_length=40)
    due_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "participant", "kind"], name="reminder_once_per_kind")
        ]
        indexes = [models.Index(fields=["sent_at", "queued_at"])]

    def __str__(self):
        return f"{self.meeting} · {self.participant} · {self.kind}"


class PlacementAlert(models.Model):
    """An alert about a placement (no tripartite meeting for N weeks), sent once per period."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="meeting_alerts")
    kind = models.CharField(max_length=40)
    period = models.CharField(max_length=20, help_text="Which stretch of time the alert is about, e.g. 2026-W48.")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("placement alert")
        verbose_name_plural = _("placement alerts")
        constraints = [
            models.UniqueConstraint(fields=["placement", "kind", "period"], name="placement_alert_once_per_period")
        ]

    def __str__(self):
        return f"{self.placement} · {self.kind} · {self.period}"
