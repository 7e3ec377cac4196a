"""Writing, sending, confirming and withdrawing the minutes of a tripartite meeting.

Lifecycle: draft -> awaiting (sent for confirmation, locked) -> confirmed (by everyone, immutable).
While awaiting, a planner may withdraw the minutes back to draft to correct them; the confirmations given
so far are dropped, because people confirmed a text that is about to change. Confirmed minutes never change:
a correction goes into the minutes of the next meeting.

Every write locks the meeting's row first, so two people saving, the last two confirmations arriving together,
or a confirmation racing a withdrawal are decided one after the other.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from core.emails import recipient_language
from core.outbox import enqueue
from mentoring.models import ActionItem, LearningGoal
from notifications.models import Notification
from notifications.services import notify

from ..models import GoalProgress, Meeting, Minutes, MinutesConfirmation, Participant
from .selectors import confirmers, minutes_refusal
from .tasks import send_minutes_confirmation_request


class MinutesLocked(ValidationError):
    """The minutes cannot be written or changed in their current state (or the meeting's)."""


@dataclass(frozen=True)
class Agreement:
    """One row of the agreements form: a new one (item None), a change to one, or its removal."""

    item: ActionItem | None
    description: str
    owner: User | None
    due_date: date | None
    delete: bool = False


def _locked_meeting(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def _save_progress(minutes: Minutes, progress: dict[LearningGoal, str]) -> None:
    foreign = [goal for goal in progress if goal.plan.placement_id != minutes.meeting.placement_id]
    if foreign:
        raise ValidationError(_("That learning goal belongs to another placement."))
    for goal, note in progress.items():
        if note.strip():
            GoalProgress.objects.update_or_create(minutes=minutes, goal=goal, defaults={"note": note.strip()})
        else:
            GoalProgress.objects.filter(minutes=minutes, goal=goal).delete()


def _save_agreements(meeting: Meeting, agreements: list[Agreement]) -> None:
    owners = set(meeting.participants.filter(user__isnull=False).values_list("user_id", flat=True))
    for row in agreements:
        if row.item is not None and row.item.meeting_id != meeting.pk:
            raise ValidationError(_("That agreement belongs to another meeting."))
        if not row.delete and not (row.description.strip() and row.owner and row.due_date):
            raise ValidationError(_("An agreement needs a description, an owner and a due date."))
        if not row.delete and row.owner.pk not in owners:
            raise ValidationError(_("The owner of an agreement must be one of the meeting's participants."))
        if row.item is not None and row.delete:
            row.item.delete()
        elif row.item is not None:
            row.item.description, row.item.owner, row.item.due_date = row.description, row.owner, row.due_date
            row.item.save(update_fields=["description", "owner", "due_date"])
        elif not row.delete:
            ActionItem.objects.create(
                placement_id=meeting.placement_id,
                meeting=meeting,
                description=row.description,
                owner=row.owner,
                due_date=row.due_date,
            )


@transaction.atomic
def minutes_save(
    *,
    meeting: Meeting,
    by: User,
    summary: str,
    next_meeting_at: datetime | None = None,
    progress: dict[LearningGoal, str] | None = None,
    agreements: list[Agreement] = (),
    send: bool = False,
) -> Minutes:
    """Save the minutes as a draft, or with `send` lock them and ask every participant to confirm."""
    meeting = _locked_meeting(meeting)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    refusal = minutes_refusal(meeting, minutes)
    if refusal:
        raise MinutesLocked(refusal)
    if not summary.strip():
        raise ValidationError({"summary": _("Write a summary of the meeting.")})
    if next_meeting_at is not None and next_meeting_at <= meeting.starts_at:
        raise ValidationError({"next_meeting_at": _("The next meeting must be after this one.")})
    if minutes is None:
        minutes = Minutes(meeting=meeting, written_by=by)
    minutes.summary = summary.strip()
    minutes.next_meeting_at = next_meeting_at
    minutes.save()
    _save_progress(minutes, progress or {})
    _save_agreements(meeting, list(agreements))
    if send:
        _send_for_confirmation(minutes, by=by)
    return minutes


def _send_for_confirmation(minutes: Minutes, *, by: User) -> None:
    minutes.status = Minutes.Status.AWAITING
    minutes.submitted_at = timezone.now()
    minutes.save(update_fields=["status", "submitted_at"])
    writer = minutes.meeting.participants.filter(user=by).first()
    if writer is not None:
        # Sending is the writer's own confirmation; they are not asked again by e-mail.
        MinutesConfirmation.objects.get_or_create(minutes=minutes, participant=writer)
    if _complete(minutes):
        return
    url = reverse("minutes_detail", args=[minutes.meeting_id])
    learner = minutes.meeting.placement.learner.get_full_name()
    for participant in _still_to_confirm(minutes):
        if participant.user is not None:
            with translation.override(recipient_language(participant.user)):
                text = _("Please confirm the minutes of the meeting about %(learner)s.") % {"learner": learner}
            notify(participant.user, text, url, level=Notification.Level.ESSENTIAL)
        enqueue(send_minutes_confirmation_request, minutes.pk, participant.pk)


def _still_to_confirm(minutes: Minutes) -> list[Participant]:
    done = set(minutes.confirmations.values_list("participant_id", flat=True))
    return [p for p in confirmers(minutes.meeting) if p.pk not in done]


def _complete(minutes: Minutes) -> bool:
    """Mark the minutes confirmed once nobody is left to confirm; True when they are."""
    if _still_to_confirm(minutes):
        return False
    minutes.status = Minutes.Status.CONFIRMED
    minutes.save(update_fields=["status"])
    return True


@transaction.atomic
def minutes_confirm(*, minutes: Minutes, participant: Participant) -> bool:
    """Record a participant's confirmation; False when they had confirmed already (a second click)."""
    if participant.meeting_id != minutes.meeting_id:
        raise ValidationError(_("Only the meeting's participants confirm its minutes."))
    _locked_meeting(minutes.meeting)
    minutes.refresh_from_db(fields=["status"])
    if MinutesConfirmation.objects.filter(minutes=minutes, participant=participant).exists():
        return False
    if minutes.status != Minutes.Status.AWAITING:
        raise ValidationError(
            _("These minutes are not waiting for confirmation.")
            if minutes.status == Minutes.Status.DRAFT
            else _("These minutes were already confirmed by everyone.")
        )
    MinutesConfirmation.objects.create(minutes=minutes, participant=participant)
    _complete(minutes)
    return True


@transaction.atomic
def minutes_withdraw(*, minutes: Minutes, by: User) -> Minutes:
    """Take sent minutes back to draft for a correction; everyone will have to confirm the new text."""
    _locked_meeting(minutes.meeting)
    minutes.refresh_from_db(fields=["status"])
    if minutes.status != Minutes.Status.AWAITING:
        raise ValidationError(
            _("Only minutes waiting for confirmation can be withdrawn.")
            if minutes.status == Minutes.Status.DRAFT
            else _("These minutes were confirmed by everyone and can no longer be changed.")
        )
    MinutesConfirmation.objects.filter(minutes=minutes).delete()
    minutes.status = Minutes.Status.DRAFT
    minutes.submitted_at = None
    minutes.save(update_fields=["status", "submitted_at"])
    return minutes
