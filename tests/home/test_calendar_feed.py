"""A person's private calendar feed: exactly their own appointments, parsed by icalendar; revocable."""

from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from home.calendar.services import feed_renew
from home.models import CalendarFeed
from meetings.models import Meeting
from meetings.planning.ics import ics_uid
from mentoring.models import CoachingSession
from mentoring.sessions.services import session_log
from registry.models import Enrolment
from tests.cast import EVERYONE
from tests.meetings.factories_meetings import make_meeting
from tests.registry.factories_courses import add_session, enrol, make_course


def feed_url(user) -> str:
    return reverse("calendar_feed", args=[feed_renew(user=user)])


def events(client, url) -> dict[str, object]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def agenda(world):
    """The world's appointments: two meetings (one cancelled), a course, another school's course, and a planned
    coaching session."""
    meeting = make_meeting(world)
    cancelled = make_meeting(world, starts_at=timezone.now() + timedelta(days=3), status=Meeting.Status.CANCELLED)
    course = make_course(world)  # taught by the supervisor
    enrol(course, world.mentor, world.company)
    enrol(course, world.colleague_mentor, world.company, status=Enrolment.Status.WITHDRAWN)
    course_session = add_session(course, days=10)
    other_course = make_course(world, school=world.other_school, teacher=world.other_teacher, title="Elders")
    enrol(other_course, world.other_mentor, world.other_company)
    other_session = add_session(other_course, days=12)
    planned = session_log(
        placement=world.placement,
        by=world.mentor,
        data={
            "date": timezone.localdate(),
            "duration_minutes": 30,
            "form": "on_the_job",
            "coached_by": world.mentor,
            "activities": "Rolls",
            "next_session_on": timezone.now() + timedelta(days=5),
        },
    )
    return {
        "meeting": ics_uid(meeting),
        "cancelled": ics_uid(cancelled),
        "course": f"course-session-{course_session.pk}@werkmentor",
        "other_course": f"course-session-{other_session.pk}@werkmentor",
        "coaching": f"coaching-next-{planned.pk}@werkmentor",
    }


EXPECTED = {
    "learner": {"meeting", "cancelled", "coaching"},
    "mentor": {"meeting", "cancelled", "course", "coaching"},
    "supervisor": {"meeting", "cancelled", "course"},  # the school's supervisor, and the course's teacher
    "other_mentor": {"other_course"},
    "other_teacher": {"other_course"},
}


@pytest.mark.parametrize("who", EVERYONE)
def test_the_feed_holds_exactly_the_persons_own_appointments(client, world, agenda, who):
    found = events(client, feed_url(getattr(world, who)))
    assert set(found) == {agenda[name] for name in EXPECTED.get(who, set())}


def test_changes_show_as_status_sequence_and_last_modified(client, world, agenda):
    found = events(client, feed_url(world.mentor))
    assert str(found[agenda["cancelled"]]["STATUS"]) == "CANCELLED"
    assert str(found[agenda["meeting"]]["STATUS"]) == "TENTATIVE"
    meeting = Meeting.objects.get(uid=agenda["meeting"].split("@")[0])
    assert int(found[agenda["meeting"]]["SEQUENCE"]) == meeting.sequence
    assert found[agenda["meeting"]]["LAST-MODIFIED"].dt == meeting.updated_at.replace(microsecond=0)
    assert found[agenda["coaching"]]["DTSTART"].dt == CoachingSession.objects.get().next_session_on.replace(
        microsecond=0
    )


def test_a_revoked_or_renewed_address_answers_404(client, world):
    client.force_login(world.learner)
    page = client.post(reverse("calendar_feed_manage"), {"action": "renew"})
    assert page.status_code == 200
    first = urlparse(page.context["url"]).path
    assert client.get(first).status_code == 200
    assert CalendarFeed.objects.get(user=world.learner).last_used_at is not None

    renewed = urlparse(client.post(reverse("calendar_feed_manage"), {"action": "renew"}).context["url"]).path
    assert renewed != first
    assert client.get(first).status_code == 404
    assert client.get(renewed).status_code == 200

    assert client.post(reverse("calendar_feed_manage"), {"action": "revoke"}).status_code == 302
    assert client.get(renewed).status_code == 404
    assert client.post(reverse("calendar_feed_manage"), {"action": "nonsense"}).status_code == 400
    assert client.get(reverse("calendar_feed", args=["x" * 500])).status_code == 404


def test_the_token_is_kept_only_as_a_hash(world):
    token = feed_renew(user=world.mentor)
    assert token not in CalendarFeed.objects.get(user=world.mentor).token_hash


def test_a_deactivated_persons_feed_answers_404(client, world):
    url = feed_url(world.mentor)
    world.mentor.is_active = False
    world.mentor.save(update_fields=["is_active"])
    assert client.get(url).status_code == 404


def test_my_account_offers_the_feed(client, world):
    client.force_login(world.mentor)
    page = client.get(reverse("my_account")).content.decode()
    assert reverse("calendar_feed_manage") in page and 'value="renew"' in page and 'value="revoke"' not in page
    feed_renew(user=world.mentor)
    assert 'value="revoke"' in client.get(reverse("my_account")).content.decode()


def test_the_feed_costs_a_fixed_number_of_queries(client, world, agenda, django_assert_max_num_queries):
    url = feed_url(world.mentor)
    for days in (20, 21, 22):
        make_meeting(world, starts_at=timezone.now() + timedelta(days=days))
    with django_assert_max_num_queries(6):  # the feed, the user, and one query per kind of appointment (4)
        events(client, url)


def test_the_next_session_is_planned_on_the_session_form_and_shown_on_the_log(client, world):
    client.force_login(world.mentor)
    data = {
        "date": timezone.localdate().isoformat(),
        "duration_minutes": 30,
        "form": "on_the_job",
        "coached_by": world.mentor.pk,
        "activities": "Shaping rolls",
        "items-TOTAL_FORMS": 0,
        "items-INITIAL_FORMS": 0,
        "items-MIN_NUM_FORMS": 0,
        "items-MAX_NUM_FORMS": 10,
    }
    url = reverse("mentoring_session_new", args=[world.placement.pk])
    past = (timezone.localtime() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    refused = client.post(url, {**data, "next_session_on": past})
    assert "still to come" in refused.content.decode() and not CoachingSession.objects.exists()
    planned = timezone.localtime() + timedelta(days=6)
    assert client.post(url, {**data, "next_session_on": planned.strftime("%Y-%m-%dT%H:%M")}).status_code == 302
    log = client.get(reverse("mentoring_sessions", args=[world.placement.pk])).content.decode()
    assert "Next session" in log
    session = CoachingSession.objects.get()
    assert f"coaching-next-{session.pk}@werkmentor" in events(client, feed_url(world.learner))
