"""Writes of tripartite meetings: plan, answer, reschedule, cancel. Access is checked by the caller (selectors).

Every change that moves or cancels a meeting raises its sequence, so calendars replace the earlier
invitation, and keeps a MeetingChange with the reason. E-mails go out after the commit, one task per
participant; in-app notifications are rows written in the same transaction.

Who hears what (User.notification_level):
- an invitation, a new time or a cancellation is essential: an in-app notification for "all" and
  "essential"; none for "none". The e-mail with the calendar invitation goes to every participant whatever
  the level, because the invitation is the meeting itself, not a reminder about it.
- a decline or another proposed time tells the organiser in the app only, and only at level "all".
- nobody is notified in the app about their own action; they do get the invitation e-mail for their calendar.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from core.emails import recipient_language
from core.outbox import enqueue
from notifications.models import Notification
from notifications.services import level_allows, notify
from placements.models import Placement

from ..models import Meeting, MeetingChange, Participant
from .ics import CANCEL, REQUEST
from .selectors import REQUIRED_ROLES
from .tasks import send_invitation

PLAN_FIELDS = ("kind", "starts_at", "duration_minutes", "location", "online_link", "agenda")

MEETING_NEWS = {
    MeetingChange.Kind.PLANNED: gettext_lazy("Invitation: tripartite meeting about %(learner)s on %(when)s."),
    MeetingChange.Kind.RESCHEDULED: gettext_lazy(
        "Moved: the tripartite meeting about %(learner)s is now on %(when)s. Please answer again."
    ),
    MeetingChange.Kind.CANCELLED: gettext_lazy("Cancelled: the tripartite meeting about %(learner)s on %(when)s."),
}
ANSWER_NEWS = {
    Participant.Response.DECLINED: gettext_lazy(
        "%(name)s cannot come to the tripartite meeting about %(learner)s on %(when)s."
    ),
    Participant.Response.PROPOSED: gettext_lazy(
        "%(name)s proposes another time for the tripartite meeting about %(learner)s: %(proposed)s."
    ),
}


def starts_at_validate(starts_at, *, field: str = "starts_at") -> None:
    if starts_at is None:
        raise ValidationError({field: _("Choose a date and time.")})
    if starts_at <= timezone.now():
        raise ValidationError({field: _("The time has to be in the future.")})


def meeting_unchanged_validate(meeting: Meeting) -> None:
    """A cancelled meeting is final, and one with minutes has taken place."""
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("This meeting has been cancelled and can no longer be changed."))
    if hasattr(meeting, "minutes"):
        raise ValidationError(_("This meeting has minutes, so it took place and can no longer be changed."))


def meeting_answerable_validate(meeting: Meeting) -> None:
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("This meeting has been cancelled; there is nothing to answer any more."))
    if meeting.starts_at <= timezone.now():
        raise ValidationError(_("This meeting has already started; answers can no longer change."))


def _core_participants(placement: Placement) -> list[tuple[User, str]]:
    return [
        (placement.learner, Participant.Role.LEARNER),
        (placement.mentor, Participant.Role.MENTOR),
        (placement.supervisor, Participant.Role.SUPERVISOR),
    ]


def _send_to_everyone(meeting: Meeting, method: str) -> None:
    for participant_id in meeting.participants.values_list("pk", flat=True):
        enqueue(send_invitation, meeting.pk, participant_id, method)


@transaction.atomic
def meeting_plan(*, placement: Placement, user: User, data: dict) -> Meeting:
    """Plan a meeting with the learner, mentor and supervisor plus `data["others"]`: (name, e-mail) pairs.

    The planner chose the time, so their own answer is "accepted" straight away.
    """
    meeting = Meeting(placement=placement, organiser=user, **{f: data[f] for f in PLAN_FIELDS if f in data})
    starts_at_validate(meeting.starts_at)
    if not (meeting.location.strip() or meeting.online_link.strip()):
        raise ValidationError({"location": _("Give a place, an online link, or both.")})
    meeting.full_clean(exclude=["placement", "organiser"])
    meeting.save()

    now = timezone.now()
    seen: set[str] = set()
    rows = []
    for person, role in _core_participants(placement):
        if person.email.lower() in seen:  # one person in two roles is invited once
            continue
        seen.add(person.email.lower())
        accepted = person.pk == user.pk
        rows.append(
            Participant(
                meeting=meeting,
                user=person,
                name=person.get_full_name() or person.email,
                email=person.email,
                role=role,
                response=Participant.Response.ACCEPTED if accepted else Participant.Response.PENDING,
                responded_at=now if accepted else None,
            )
        )
    for name, email in data.get("others", []):
        email = email.strip().lower()
        if email in seen:
            raise ValidationError({"others": _("%(email)s is invited twice.") % {"email": email}})
        seen.add(email)
        account = User.objects.filter(email__iexact=email, is_active=True).first()
        rows.append(Participant(meeting=meeting, user=account, name=name.strip(), email=email))
    Participant.objects.bulk_create(rows)

    MeetingChange.objects.create(
        meeting=meeting, kind=MeetingChange.Kind.PLANNED, new_starts_at=meeting.starts_at, by=user
    )
    notify_meeting(meeting=meeting, kind=MeetingChange.Kind.PLANNED, actor=user)
    _send_to_everyone(meeting, REQUEST)
    return meeting


def _locked(meeting: Meeting) -> Meeting:
    """The meeting row locked for this transaction, so that two answers or changes at once stay consistent."""
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    for field in ("status", "sequence", "starts_at", "cancelled_reason"):
        setattr(meeting, field, getattr(locked, field))
    return meeting


def _refresh_status(meeting: Meeting) -> None:
    """Confirmed exactly while the learner, the mentor and the supervisor have all accepted."""
    required = meeting.participants.filter(role__in=REQUIRED_ROLES)
    all_accepted = required.exists() and not required.exclude(response=Participant.Response.ACCEPTED).exists()
    status = Meeting.Status.CONFIRMED if all_accepted else Meeting.Status.PROPOSED
    if status != meeting.status:
        meeting.status = status
        meeting.save(update_fields=["status", "updated_at"])


@transaction.atomic
def meeting_respond(
    *, participant: Participant, response: str, reason: str = "", proposed_starts_at=None
) -> Participant:
    """Record one participant's answer: accept, decline (with a reason) or propose another (future) time."""
    meeting = _locked(participant.meeting)
    meeting_answerable_validate(meeting)
    reason = (reason or "").strip()
    if response == Participant.Response.ACCEPTED:
        reason, proposed_starts_at = "", None
    elif response == Participant.Response.DECLINED:
        if not reason:
            raise ValidationError({"reason": _("Please say why you cannot come.")})
        proposed_starts_at = None
    elif response == Participant.Response.PROPOSED:
        starts_at_validate(proposed_starts_at, field="proposed_starts_at")
        if proposed_starts_at == meeting.starts_at:
            raise ValidationError({"proposed_starts_at": _("That is the time already planned.")})
    else:
        raise ValidationError({"response": _("Choose accept, decline or another time.")})

    participant.response = response
    participant.decline_reason = reason
    participant.proposed_starts_at = proposed_starts_at
    participant.responded_at = timezone.now()
    participant.save(update_fields=["response", "decline_reason", "proposed_starts_at", "responded_at"])
    _refresh_status(meeting)
    if response != Participant.Response.ACCEPTED:
        notify_answer(participant=participant)
    return participant


@transaction.atomic
def meeting_reschedule(*, meeting: Meeting, user: User, starts_at, reason: str) -> Meeting:
    """Move the meeting: history, a higher sequence, everyone's answer back to pending, new invitations."""
    meeting = _locked(meeting)
    meeting_unchanged_validate(meeting)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Please give a reason for the change.")})
    starts_at_validate(starts_at)
    if starts_at == meeting.starts_at:
        raise ValidationError({"starts_at": _("That is the time already planned; choose another one.")})

    old_starts_at = meeting.starts_at
    meeting.starts_at = starts_at
    meeting.sequence += 1
    meeting.status = Meeting.Status.PROPOSED
    meeting.save(update_fields=["starts_at", "sequence", "status", "updated_at"])
    now = timezone.now()
    meeting.participants.update(
        response=Participant.Response.PENDING, decline_reason="", proposed_starts_at=None, responded_at=None
    )
    # Whoever moved it chose the new time.
    meeting.participants.filter(user=user).update(response=Participant.Response.ACCEPTED, responded_at=now)
    _refresh_status(meeting)
    MeetingChange.objects.create(
        meeting=meeting,
        kind=MeetingChange.Kind.RESCHEDULED,
        old_starts_at=old_starts_at,
        new_starts_at=starts_at,
        reason=reason,
        by=user,
    )
    notify_meeting(meeting=meeting, kind=MeetingChange.Kind.RESCHEDULED, actor=user)
    _send_to_everyone(meeting, REQUEST)
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, user: User, reason: str) -> Meeting:
    """Cancel for good, with a reason; everyone gets a cancelling invitation with a higher sequence."""
    meeting = _locked(meeting)
    meeting_unchanged_validate(meeting)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Please give a reason for cancelling.")})
    meeting.status = Meeting.Status.CANCELLED
    meeting.cancelled_reason = reason
    meeting.sequence += 1
    meeting.save(update_fields=["status", "cancelled_reason", "sequence", "updated_at"])
    MeetingChange.objects.create(
        meeting=meeting, kind=MeetingChange.Kind.CANCELLED, old_starts_at=meeting.starts_at, reason=reason, by=user
    )
    notify_meeting(meeting=meeting, kind=MeetingChange.Kind.CANCELLED, actor=user)
    _send_to_everyone(meeting, CANCEL)
    return meeting


# --- In-app notifications --------------------------------------------------------------------------------


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment, ZoneInfo(settings.TIME_ZONE)), "j F Y, H:i")


def _text(user: User, template, **values) -> str:
    """The message in the recipient's language; values are callables so dates are formatted in it too."""
    with translation.override(recipient_language(user)):
        return str(template) % {key: value() for key, value in values.items()}


def notify_meeting(*, meeting: Meeting, kind: str, actor: User) -> None:
    """Tell the invited account holders, except the one who made the change; this news is essential."""
    url = reverse("meeting_detail", args=[meeting.pk])
    learner = meeting.placement.learner.get_full_name
    for participant in meeting.participants.select_related("user"):
        user = participant.user
        if user is None or user.pk == actor.pk or not level_allows(user, Notification.Level.ESSENTIAL):
            continue
        text = _text(user, MEETING_NEWS[kind], learner=learner, when=lambda: _when(meeting.starts_at))
        notify(user, text, url, level=Notification.Level.ESSENTIAL)


def notify_answer(*, participant: Participant) -> None:
    """Tell the organiser that someone cannot come or would rather meet at another time (normal news)."""
    meeting = participant.meeting
    organiser = meeting.organiser
    if organiser.pk == participant.user_id or not level_allows(organiser, Notification.Level.NORMAL):
        return
    text = _text(
        organiser,
        ANSWER_NEWS[participant.response],
        name=lambda: participant.name,
        learner=meeting.placement.learner.get_full_name,
        when=lambda: _when(meeting.starts_at),
        proposed=lambda: _when(participant.proposed_starts_at) if participant.proposed_starts_at else "",
    )
    notify(organiser, text, reverse("meeting_detail", args=[meeting.pk]), level=Notification.Level.NORMAL)
