"""Builders for reminder tests: meetings, participants and minutes written straight with the ORM."""

from datetime import datetime
from zoneinfo import ZoneInfo

from meetings.models import Meeting, MeetingSettings, Minutes, MinutesConfirmation
from tests.factories import make_placement

from .factories_meetings import meeting_at, row

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def wall_clock(year, month, day, hour=0, minute=0) -> datetime:
    """A moment on the Dutch wall clock."""
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


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
        MinutesConfirmation.objects.create(minutes=minutes, participant=row(meeting, user))
    return minutes
