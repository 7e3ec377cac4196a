"""Builders for meeting tests: meetings of the `world` placement (planned or held), guests, goals, action items,
form data. Minutes are in factories_minutes.py, the reminder set-up in factories_reminders.py."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from meetings.models import Meeting, MeetingChange, Participant
from mentoring.models import ActionItem, CoachingPlan, LearningGoal

GUEST_EMAIL = "owner@korenschoof.example"


def local(day, hour=10, minute=0) -> datetime:
    """An aware datetime on the Amsterdam clock."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def in_days(days: int, hour: int = 10) -> datetime:
    return local(timezone.localdate() + timedelta(days=days), hour)


def meeting_at(
    placement,
    starts_at,
    *,
    status=Meeting.Status.CONFIRMED,
    response=Participant.Response.ACCEPTED,
    organiser=None,
    created_at=None,
    guest=False,
    planned=False,
    **kwargs,
) -> Meeting:
    """A meeting of the placement's learner, mentor and supervisor (and a guest without an account).

    `planned` also writes the "planned" line of its history, as planning through the service does.
    """
    kwargs.setdefault("location", "Bakkerij De Korenschoof, Oudegracht 201")
    meeting = Meeting.objects.create(
        placement=placement,
        starts_at=starts_at,
        status=status,
        cancelled_reason="The learner is ill." if status == Meeting.Status.CANCELLED else "",
        organiser=organiser or placement.supervisor,
        **kwargs,
    )
    if created_at is not None:  # auto_now_add: set afterwards
        Meeting.objects.filter(pk=meeting.pk).update(created_at=created_at)
        meeting.created_at = created_at
    people = [
        (placement.learner, Participant.Role.LEARNER),
        (placement.mentor, Participant.Role.MENTOR),
        (placement.supervisor, Participant.Role.SUPERVISOR),
    ]
    Participant.objects.bulk_create(
        Participant(
            meeting=meeting, user=user, name=user.get_full_name(), email=user.email, role=role, response=response
        )
        for user, role in people
    )
    if planned:
        MeetingChange.objects.create(
            meeting=meeting, kind=MeetingChange.Kind.PLANNED, new_starts_at=meeting.starts_at, by=meeting.organiser
        )
    if guest:
        add_guest(meeting)
    return meeting


def make_meeting(
    world, *, starts_at=None, status=Meeting.Status.PROPOSED, response=Participant.Response.PENDING, **kwargs
) -> Meeting:
    """A meeting of learner, mentor and supervisor a week from now, planned by the supervisor."""
    placement = kwargs.pop("placement", world.placement)
    kwargs.setdefault("agenda", "1. How is it going?")
    return meeting_at(placement, starts_at or in_days(7), status=status, response=response, planned=True, **kwargs)


def held_meeting(world, *, starts_at=None, status=Meeting.Status.CONFIRMED, placement=None, guest=False) -> Meeting:
    """A meeting of learner, mentor and supervisor (all accepted), two days ago unless told otherwise."""
    starts_at = starts_at or timezone.now() - timedelta(days=2)
    return meeting_at(placement or world.placement, starts_at, status=status, guest=guest)


def add_guest(
    meeting: Meeting, *, name="Jan Bakker", email=GUEST_EMAIL, user=None, role=Participant.Role.OTHER, **kwargs
) -> Participant:
    """Someone invited besides the three, such as the bakery's owner; without an account unless `user` is given.

    The guest answers like the others: pending while the meeting is proposed, accepted once it is confirmed.
    """
    confirmed = meeting.status != Meeting.Status.PROPOSED
    kwargs.setdefault("response", Participant.Response.ACCEPTED if confirmed else Participant.Response.PENDING)
    return Participant.objects.create(meeting=meeting, user=user, name=name, email=email, role=role, **kwargs)


def row(meeting: Meeting, user) -> Participant:
    return meeting.participants.get(user=user)


def make_goals(world, titles=("Kneads bread dough by hand", "Plans the oven schedule"), **kwargs) -> list[LearningGoal]:
    plan, _created = CoachingPlan.objects.get_or_create(placement=kwargs.pop("placement", world.placement))
    return [
        LearningGoal.objects.create(
            plan=plan,
            title=title,
            success_measure="The mentor sees it done well three times.",
            target_date=timezone.localdate() + timedelta(days=60),
            position=index,
            **kwargs,
        )
        for index, title in enumerate(titles)
    ]


def make_goal(world, title, **kwargs) -> LearningGoal:
    return make_goals(world, (title,), **kwargs)[0]


def make_action_item(world, description, **kwargs) -> ActionItem:
    kwargs.setdefault("owner", world.learner)
    kwargs.setdefault("due_date", timezone.localdate() + timedelta(days=10))
    return ActionItem.objects.create(placement=world.placement, description=description, **kwargs)


def plan_data(**overrides) -> dict:
    """POST data for meeting_new: next week at 10:00 at the bakery."""
    day = timezone.localdate() + timedelta(days=7)
    data = {
        "date": day.isoformat(),
        "time": "10:00",
        "duration_minutes": "45",
        "location": "Bakkerij De Korenschoof, Oudegracht 201",
        "online_link": "",
        "others": "",
        "agenda": "1. How is it going?\n2. Learning goals",
    }
    data.update(overrides)
    return data


def when_data(when: datetime, prefix: str = "") -> dict:
    moment = timezone.localtime(when)
    return {f"{prefix}date": moment.date().isoformat(), f"{prefix}time": moment.strftime("%H:%M")}
