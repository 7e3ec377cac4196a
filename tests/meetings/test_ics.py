"""The calendar invitation: it parses, and carries the right UID, sequence, times, people and method."""

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar, Timezone

from meetings.models import Meeting, Participant
from meetings.planning.ics import CANCEL, REQUEST, meeting_calendar

from .factories_meetings import GUEST_EMAIL, add_guest, local, make_meeting, row


def parse(meeting, method=REQUEST, link="https://werkmentor.example/meetings/1/"):
    calendar = Calendar.from_ical(meeting_calendar(meeting, method=method, link=link))
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def test_an_invitation_is_a_request_with_the_meetings_uid_and_sequence(world):
    meeting = make_meeting(world, sequence=3)
    calendar, event = parse(meeting)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(event["UID"]) == f"{meeting.uid}@werkmentor"
    assert event.decoded("SEQUENCE") == 3
    assert str(event["STATUS"]) == "TENTATIVE"


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [
        (date(2027, 3, 28), 8),  # clocks went forward at 02:00 that morning: CEST, UTC+2
        (date(2026, 10, 25), 9),  # clocks went back at 03:00 that morning: CET, UTC+1
        (date(2026, 7, 1), 8),
        (date(2027, 1, 15), 9),
    ],
)
def test_times_are_amsterdam_local_and_right_across_the_clock_change(world, day, utc_hour):
    meeting = make_meeting(world, starts_at=local(day, 10), duration_minutes=60)
    calendar, event = parse(meeting)
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert event.decoded("DTSTART").replace(tzinfo=None) == datetime.combine(day, datetime.min.time()).replace(hour=10)
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(day.year, day.month, day.day, utc_hour, tzinfo=UTC)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=60)
    # A calendar that does not know the zone by name uses the VTIMEZONE we send: it must agree.
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert str(vtimezone["TZID"]) == "Europe/Amsterdam"
    own_rules = Timezone.from_ical(vtimezone.to_ical()).to_tz(lookup_tzid=False)
    start = event.decoded("DTSTART").replace(tzinfo=None)
    assert start.replace(tzinfo=own_rules).astimezone(UTC).hour == utc_hour


def test_the_invitation_says_what_where_and_who(world):
    meeting = make_meeting(world, online_link="https://meet.example.org/daan", agenda="1. Oven schedule")
    Participant.objects.filter(pk=row(meeting, world.mentor).pk).update(response="accepted")
    Participant.objects.filter(pk=row(meeting, world.learner).pk).update(response="proposed")
    add_guest(meeting)
    _calendar, event = parse(meeting, link="https://werkmentor.example/meetings/respond/abc/")
    assert str(event["SUMMARY"]) == "Tripartite meeting: Daan Jansen (Bakkerij De Korenschoof)"
    assert str(event["LOCATION"]) == "Bakkerij De Korenschoof, Oudegracht 201"
    assert str(event["URL"]) == "https://meet.example.org/daan"
    description = str(event["DESCRIPTION"])
    assert "1. Oven schedule" in description
    assert "https://werkmentor.example/meetings/respond/abc/" in description
    assert str(event["ORGANIZER"]) == "mailto:supervisor@example.org"
    attendees = {str(a): a.params for a in event["ATTENDEE"]}
    assert {email: params["PARTSTAT"] for email, params in attendees.items()} == {
        "mailto:learner@example.org": "TENTATIVE",
        "mailto:mentor@example.org": "ACCEPTED",
        "mailto:supervisor@example.org": "NEEDS-ACTION",
        f"mailto:{GUEST_EMAIL}": "NEEDS-ACTION",
    }
    assert attendees[f"mailto:{GUEST_EMAIL}"]["ROLE"] == "OPT-PARTICIPANT"
    assert attendees["mailto:learner@example.org"]["ROLE"] == "REQ-PARTICIPANT"
    assert attendees["mailto:mentor@example.org"]["CN"] == "Marieke de Vries"


def test_an_online_meeting_without_a_place_has_the_link_as_its_location(world):
    meeting = make_meeting(world, location="", online_link="https://meet.example.org/daan")
    _calendar, event = parse(meeting)
    assert str(event["LOCATION"]) == "https://meet.example.org/daan"


def test_a_confirmed_meeting_is_confirmed_in_the_calendar(world):
    meeting = make_meeting(world, status=Meeting.Status.CONFIRMED, response="accepted")
    assert str(parse(meeting)[1]["STATUS"]) == "CONFIRMED"


def test_a_cancellation_has_the_same_uid_a_higher_sequence_and_cancel_method(world):
    meeting = make_meeting(world)
    _calendar, first = parse(meeting)
    meeting.status, meeting.sequence, meeting.cancelled_reason = Meeting.Status.CANCELLED, 1, "Ill"
    meeting.save()
    calendar, event = parse(meeting, method=CANCEL)
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == str(first["UID"])
    assert event.decoded("SEQUENCE") > first.decoded("SEQUENCE")


def test_an_unknown_method_is_refused(world):
    with pytest.raises(ValueError, match="Unknown iTIP method"):
        meeting_calendar(make_meeting(world), method="PUBLISH")
