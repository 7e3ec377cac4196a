"""Builders for reminder tests: meetings, participants and minutes written straight with the ORM."""

from datetime import datetime
from zoneinfo import ZoneInfo

from meetings.models import Meeting, MeetingSettings, Minutes, MinutesConfirmation, Participant
from tests.factories import make_placement

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
GUEST_EMAIL = "owner@korenschoof.example"


def local(year, month, day, hour=0, minute=0) -> datetime:
    """A moment on the Dutch wall clock."""
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


def meeting_at(
    placement,
    starts_at,
    *,
    created_at=None,
    status=Meeting.Status.CONFIRMED,
    organiser=None,
    response=Participant.Response.ACCEPTED,
    guest=False,
) -> Meeting:
    """A meeting of the placement's learner, mentor and supervisor (and a guest without an account)."""
    meeting = Meeting.objects.create(
        placement=placement,
        starts_at=starts_at,
        status=status,
        cancelled_reason="The learner is ill." if status == Meeting.Status.CANCELLED else "",
        organiser=organiser or placement.supervisor,
        location="Bakkerij De Korenschoof, Oudegracht 201",
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
    if guest:
        add_guest(meeting)
    return meeting


def add_guest(meeting, *, email=GUEST_EMAIL, name="Jan Bakker", role=Participant.Role.OTHER, **kwargs) -> Participant:
    """Someone invited besides the three; without an account unless `user` is given."""
    kwargs.setdefault("response", Participant.Response.ACCEPTED)
    return Participant.objects.create(meeting=meeting, name=name, email=email, role=role, **kwargs)


def participant(meeting, user) -> Participant:
    return meeting.participants.get(user=user)


def many_meetings(world, count, starts_at, *, created_at) -> list[Meeting]:
    """`count` meetings, each of its own placement at the world's school (three participants each)."""
    meetings = []
    for _ in range(count):
        placement = make_placement(school=world.school, company=world.company, programme=world.programme)
        meetings.append(meeting_at(placement, starts_at, created_at=created_at))
    return meetings


def set_rules(school, **fields) -> MeetingSettings:
    rules, _created = MeetingSettings.objects.update_or_create(school=school, defaults=fields)
    return rules


def minutes_of(meeting, *, status=Minutes.Status.AWAITING, submitted_at=None, confirmed_by=()) -> Minutes:
    minutes = Minutes.objects.create(
        meeting=meeting,
        summary="Daan works carefully and asks good questions.",
        status=status,
        written_by=meeting.placement.mentor,
        submitted_at=submitted_at,
    )
    for user in confirmed_by:
        MinutesConfirmation.objects.create(minutes=minutes, participant=participant(meeting, user))
    return minutes
