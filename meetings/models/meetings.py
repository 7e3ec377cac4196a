import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from placements.models import Placement


class Meeting(models.Model):
    """A tripartite meeting (driegesprek) of learner, work mentor and school supervisor about a placement."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        CONFIRMED = "confirmed", _("confirmed")
        CANCELLED = "cancelled", _("cancelled")

    class Kind(models.TextChoices):
        # Seed 002: the school supervisor visits the learner at the workplace; the visit is planned, answered and
        # minuted like a tripartite meeting (the minutes are the visit report), but named as what it is.
        TRIPARTITE = "tripartite", _("tripartite meeting")
        VISIT = "visit", _("workplace visit by the school supervisor")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TRIPARTITE)
    starts_at = models.DateTimeField(_("date and time"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=45, validators=[MinValueValidator(10), MaxValueValidator(480)]
    )
    location = models.CharField(_("place"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    # Calendar clients replace an invitation with the same UID only when the sequence goes up.
    sequence = models.PositiveIntegerField(default=0)
    organiser = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    cancelled_reason = models.TextField(_("reason for cancelling"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tripartite meeting")
        verbose_name_plural = _("tripartite meetings")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["status", "starts_at"]), models.Index(fields=["placement", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="cancelled") | ~Q(cancelled_reason=""),
                name="meeting_cancellation_has_reason",
                violation_error_message=_("Cancelling a meeting needs a reason."),
            )
        ]

    def __str__(self):
        return f"{self.placement} · {self.starts_at:%Y-%m-%d %H:%M}"


class MeetingChange(models.Model):
    """History of a meeting: planned, rescheduled or cancelled, with the reason."""

    class Kind(models.TextChoices):
        PLANNED = "planned", _("planned")
        RESCHEDULED = "rescheduled", _("rescheduled")
        CANCELLED = "cancelled", _("cancelled")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    old_starts_at = models.DateTimeField(null=True, blank=True)
    new_starts_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting change")
        verbose_name_plural = _("meeting changes")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.meeting} · {self.kind}"


class Participant(models.Model):
    """Someone invited to a meeting. People without an account answer through a signed link."""

    class Role(models.TextChoices):
        LEARNER = "learner", _("learner")
        MENTOR = "mentor", _("work mentor")
        SUPERVISOR = "supervisor", _("school supervisor")
        OTHER = "other", _("other")

    class Response(models.TextChoices):
        PENDING = "pending", _("no answer yet")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        PROPOSED = "proposed", _("proposed another time")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="meeting_invitations"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.OTHER)
    response = models.CharField(_("answer"), max_length=20, choices=Response.choices, default=Response.PENDING)
    decline_reason = models.TextField(_("reason"), blank=True)
    proposed_starts_at = models.DateTimeField(_("proposed time"), null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "email"], name="participant_once_per_meeting")]
        indexes = [models.Index(fields=["user", "response"])]

    def __str__(self):
        return f"{self.name} · {self.meeting}"
