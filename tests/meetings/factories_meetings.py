"""Small builders for meeting tests: a meeting of the `world` placement, goals, action items, form data."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from meetings.models import Meeting, MeetingChange, Participant
from mentoring.models import ActionItem, CoachingPlan, LearningGoal

GUEST_EMAIL = "jan@korenschoof.example"


def local(day, hour=10, minute=0) -> datetime:
    """An aware datetime on the Amsterdam clock."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def in_days(days: int, hour: int = 10) -> datetime:
    return local(timezone.localdate() + timedelta(days=days), hour)


def make_meeting(
    world, *, starts_at=None, status=Meeting.Status.PROPOSED, response=Participant.Response.PENDING, **kwargs
) -> Meeting:
    """A meeting of learner, mentor and supervisor a week from now, planned by the supervisor."""
    placement = kwargs.pop("placement", world.placement)
    kwargs.setdefault("location", "Bakkerij De Korenschoof, Oudegracht 201")
    kwargs.setdefault("agenda", "1. How is it going?")
    meeting = Meeting.objects.create(
        placement=placement,
        starts_at=starts_at or in_days(7),
        status=status,
        cancelled_reason="The learner is ill." if status == Meeting.Status.CANCELLED else "",
        organiser=kwargs.pop("organiser", placement.supervisor),
        **kwargs,
    )
    for user, role in (
        (placement.learner, Participant.Role.LEARNER),
        (placement.mentor, Participant.Role.MENTOR),
        (placement.supervisor, Participant.Role.SUPERVISOR),
    ):
        Participant.objects.create(
            meeting=meeting, user=user, name=user.get_full_name(), email=user.email, role=role, response=response
        )
    MeetingChange.objects.create(
        meeting=meeting, kind=MeetingChange.Kind.PLANNED, new_starts_at=meeting.starts_at, by=meeting.organiser
    )
    return meeting


def add_guest(meeting: Meeting, *, name="Jan Bakker", email=GUEST_EMAIL, user=None, **kwargs) -> Participant:
    """Someone invited besides the three; without an account unless `user` is given."""
    return Participant.objects.create(
        meeting=meeting, user=user, name=name, email=email, role=Participant.Role.OTHER, **kwargs
    )


def row(meeting: Meeting, user) -> Participant:
    return meeting.participants.get(user=user)


def make_goal(world, title, **kwargs) -> LearningGoal:
    plan, _created = CoachingPlan.objects.get_or_create(placement=world.placement)
    return LearningGoal.objects.create(
        plan=plan,
        title=title,
        success_measure="The mentor sees it done well three times.",
        target_date=timezone.localdate() + timedelta(days=60),
        **kwargs,
    )


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
