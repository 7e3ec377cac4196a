"""The meeting's .ics in the app: the same calendar entry as the e-mailed invitation, for those who see it."""

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from meetings.models import Meeting
from meetings.planning.emails import invitation_email_send
from meetings.planning.ics import CANCEL, REQUEST, meeting_calendar
from tests.cast import COACHING_VIEWERS, EVERYONE

from .factories_meetings import add_guest, local, make_meeting, row

SEES = COACHING_VIEWERS


def event_of(content: bytes):
    calendar = Calendar.from_ical(content)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


@pytest.mark.parametrize("who", EVERYONE)
def test_the_calendar_file_is_for_those_who_may_see_the_meeting(client, world, who):
    meeting = make_meeting(world)
    client.force_login(getattr(world, who))
    response = client.get(reverse("meeting_ics", args=[meeting.pk]))
    assert response.status_code == (200 if who in SEES else 404)
    if response.status_code == 200:
        _calendar, event = event_of(response.content)
        assert str(event["UID"]) == f"{meeting.uid}@werkmentor"


@pytest.mark.parametrize("who", ["learner", "mentor", "supervisor"])
def test_the_participants_download_the_invitation_with_the_right_headers(client, world, who):
    meeting = make_meeting(world, starts_at=local(world.placement.start_date, 14), sequence=2)
    client.force_login(getattr(world, who))
    response = client.get(reverse("meeting_ics", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    day = world.placement.start_date.isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="meeting-{day}.ics"'
    assert "no-store" in response["Cache-Control"]
    calendar, event = event_of(response.content)
    # The same entry as the e-mail's: a calendar that has the invitation updates it instead of adding one.
    _mail_calendar, mailed = event_of(meeting_calendar(meeting, method=REQUEST))
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(event["UID"]) == str(mailed["UID"])
    assert event.decoded("SEQUENCE") == 2
    assert event.decoded("DTSTART") == mailed.decoded("DTSTART")
    assert str(event["STATUS"]) == "TENTATIVE"
    assert f"/meetings/{meeting.pk}/" in str(event["DESCRIPTION"])


@pytest.mark.parametrize("who", ["other_learner", "other_mentor", "other_teacher", "other_coordinator", "nobody"])
def test_people_of_another_school_or_company_get_a_404_not_the_file(client, world, who):
    meeting = make_meeting(world)
    client.force_login(getattr(world, who))
    response = client.get(reverse("meeting_ics", args=[meeting.pk]))
    assert response.status_code == 404
    assert "text/calendar" not in response["Content-Type"]


def test_signed_out_visitors_are_sent_to_the_login_page(client, world):
    meeting = make_meeting(world)
    response = client.get(reverse("meeting_ics", args=[meeting.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_an_invited_company_admin_downloads_it_too(client, world):
    meeting = make_meeting(world)
    add_guest(meeting, name="Ruud van Leeuwen", email=world.company_admin.email, user=world.company_admin)
    client.force_login(world.company_admin)
    response = client.get(reverse("meeting_ics", args=[meeting.pk]))
    assert response.status_code == 200
    assert "text/calendar" in response["Content-Type"]


def test_a_cancelled_meeting_gives_the_cancellation_like_the_email_does(client, world):
    meeting = make_meeting(world)
    client.force_login(world.supervisor)
    client.post(reverse("meeting_cancel", args=[meeting.pk]), {"reason": "The placement is paused."})
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED
    mail.outbox.clear()
    invitation_email_send(meeting=meeting, participant=row(meeting, world.learner), method=CANCEL)
    (part,) = [a for a in mail.outbox[0].attachments if a.get_content_type() == "text/calendar"]
    _mailed_calendar, mailed = event_of(part.get_content().encode())

    client.force_login(world.learner)
    response = client.get(reverse("meeting_ics", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-cancelled.ics"')
    calendar, event = event_of(response.content)
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(event["STATUS"]) == str(mailed["STATUS"]) == "CANCELLED"
    assert event.decoded("SEQUENCE") == mailed.decoded("SEQUENCE") == meeting.sequence
    assert str(event["UID"]) == str(mailed["UID"])
    page = client.get(reverse("meeting_detail", args=[meeting.pk]))
    assert "Cancellation for your calendar (.ics)" in page.text
    assert "Add to calendar (.ics)" not in page.text


def test_the_meeting_page_and_the_list_link_to_the_calendar_file(client, world):
    meeting = make_meeting(world)
    cancelled = make_meeting(world, status=Meeting.Status.CANCELLED)
    url = reverse("meeting_ics", args=[meeting.pk])
    client.force_login(world.learner)
    page = client.get(reverse("meeting_detail", args=[meeting.pk]))
    assert f'href="{url}" download>Add to calendar (.ics)' in page.text
    listing = client.get(reverse("meeting_list", args=[world.placement.pk]))
    assert f'href="{url}"' in listing.text
    # A cancelled meeting is not one to add; its own page offers the cancellation instead.
    assert reverse("meeting_ics", args=[cancelled.pk]) not in listing.text


def test_the_calendar_file_only_answers_get(client, world):
    meeting = make_meeting(world)
    client.force_login(world.mentor)
    assert client.post(reverse("meeting_ics", args=[meeting.pk])).status_code == 405
    assert client.get(reverse("meeting_ics", args=[987654])).status_code == 404
