"""The signed link in the e-mail: it answers for one participant, and refuses clearly when it cannot."""

from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from core.signing import TokenExpired, TokenInvalid, TokenOutdated
from meetings.models import Meeting, Participant
from meetings.planning.services import meeting_cancel, meeting_reschedule
from meetings.selectors import MINUTES_LINK, RESPOND_LINK

from .factories_meetings import add_guest, in_days, make_meeting, row, when_data


@pytest.fixture
def guest(world):
    return add_guest(make_meeting(world, starts_at=in_days(20), agenda="1. Oven schedule"))


def link(participant, kind=RESPOND_LINK):
    return reverse("meeting_respond_signed", args=[kind.make(participant)])


def test_the_page_shows_the_meeting_and_the_three_choices_without_logging_in(client, guest):
    response = client.get(link(guest))
    assert response.status_code == 200
    for text in ("Hello Jan Bakker", "Daan Jansen", "Bakkerij De Korenschoof", "1. Oven schedule"):
        assert text in response.text
    for choice in ("I will come", "I cannot come", "I propose another time"):
        assert choice in response.text
    assert response["Cache-Control"].startswith("max-age=0")


def test_accepting_through_the_link_records_the_answer(client, guest):
    url = link(guest)
    response = client.post(url, {"response": "accepted"})
    assert response.status_code == 302
    assert response["Location"] == url
    guest.refresh_from_db()
    assert guest.response == Participant.Response.ACCEPTED
    assert "Thank you, your answer has been saved." in client.get(url).text


def test_declining_through_the_link_needs_a_reason(client, guest):
    response = client.post(link(guest), {"response": "declined", "reason": ""})
    assert response.status_code == 200
    assert "Please say why you cannot come." in response.text
    guest.refresh_from_db()
    assert guest.response == Participant.Response.PENDING


def test_proposing_through_the_link_needs_a_future_time(client, guest):
    past = timezone.now() - timedelta(hours=3)
    response = client.post(link(guest), {"response": "proposed", **when_data(past, "proposed_")})
    assert "The time has to be in the future." in response.text
    later = in_days(21, hour=15)
    assert client.post(link(guest), {"response": "proposed", **when_data(later, "proposed_")}).status_code == 302
    guest.refresh_from_db()
    assert (guest.response, guest.proposed_starts_at) == (Participant.Response.PROPOSED, later)


def test_an_account_holder_who_lost_their_login_can_answer_too(client, world):
    meeting = make_meeting(world)
    client.post(link(row(meeting, world.mentor)), {"response": "accepted"})
    assert row(meeting, world.mentor).response == Participant.Response.ACCEPTED


def test_the_link_still_works_after_thirteen_days(client, guest):
    url = link(guest)
    with time_machine.travel(timezone.now() + timedelta(days=13)):
        assert client.get(url).status_code == 200


def test_an_expired_link_is_refused_clearly(client, guest):
    url = link(guest)
    with time_machine.travel(timezone.now() + timedelta(days=15)):
        response = client.get(url)
        assert response.status_code == 410
        assert "This link has expired." in response.text
        assert client.post(url, {"response": "accepted"}).status_code == 410
    guest.refresh_from_db()
    assert guest.response == Participant.Response.PENDING


@pytest.mark.parametrize(
    "damage", [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: "9" + t, lambda t: "x"]
)
def test_a_tampered_link_is_refused_clearly(client, guest, damage):
    token = damage(RESPOND_LINK.make(guest))
    response = client.post(reverse("meeting_respond_signed", args=[token]), {"response": "accepted"})
    assert response.status_code == 400
    assert "This link is not valid." in response.text
    guest.refresh_from_db()
    assert guest.response == Participant.Response.PENDING


def test_a_link_from_before_the_meeting_moved_is_refused_clearly(client, world, guest):
    url = link(guest)
    meeting_reschedule(meeting=guest.meeting, user=world.supervisor, starts_at=in_days(22), reason="Holiday")
    response = client.get(url)
    assert response.status_code == 410
    assert "The meeting has changed since this link was sent." in response.text
    assert client.get(link(guest)).status_code == 200  # the new e-mail's link works


def test_a_link_to_a_cancelled_meeting_says_so(client, world, guest):
    url = link(guest)
    meeting_cancel(meeting=guest.meeting, user=world.supervisor, reason="The placement is paused.")
    response = client.get(url)
    assert response.status_code == 410
    assert "This meeting has been cancelled." in response.text


def test_a_link_to_a_meeting_that_has_started_cannot_answer(client, world):
    meeting = make_meeting(world, starts_at=timezone.now() - timedelta(minutes=5))
    response = client.post(link(add_guest(meeting)), {"response": "accepted"})
    assert response.status_code == 410
    assert "already started" in response.text


def test_a_minutes_link_cannot_answer_an_invitation(client, guest):
    assert client.get(link(guest, kind=MINUTES_LINK)).status_code == 400


def test_a_link_for_someone_no_longer_invited_is_refused(client, guest):
    url = link(guest)
    guest.delete()
    assert client.get(url).status_code == 410


def test_reading_a_link_names_the_participant_and_the_reason_it_refuses(world, guest):
    token = RESPOND_LINK.make(guest)
    assert RESPOND_LINK.read(token) == guest
    with pytest.raises(TokenInvalid):
        MINUTES_LINK.read(token)
    with pytest.raises(TokenInvalid):
        RESPOND_LINK.read(token + "x")
    with pytest.raises(TokenExpired) as expired:
        RESPOND_LINK.read(token, max_age=timedelta(seconds=-1))
    assert expired.value.status == 410
    assert "ask the organiser to send the invitation again" in str(expired.value.message)
    Meeting.objects.filter(pk=guest.meeting_id).update(sequence=5)
    with pytest.raises(TokenOutdated) as refused:
        RESPOND_LINK.read(token)
    assert refused.value.obj == guest


def old_style_token(participant, salt: str) -> str:
    """A link as the e-mails sent before core/signing.py made it: Django's TimestampSigner, "<pk>:<sequence>"."""
    return signing.TimestampSigner(salt=salt).sign(f"{participant.pk}:{participant.meeting.sequence}")


def test_links_already_sent_keep_working_with_the_same_lifetimes(client, guest):
    respond = old_style_token(guest, "meetings.respond")
    assert respond == RESPOND_LINK.make(guest)
    minutes = old_style_token(guest, "meetings.minutes")
    assert RESPOND_LINK.read(respond) == guest
    assert MINUTES_LINK.read(minutes) == guest
    url = reverse("meeting_respond_signed", args=[respond])
    with time_machine.travel(timezone.now() + timedelta(days=13), tick=False):
        assert client.get(url).status_code == 200
        assert MINUTES_LINK.read(minutes) == guest
    with time_machine.travel(timezone.now() + timedelta(days=15), tick=False):
        assert client.get(url).status_code == 410
        assert MINUTES_LINK.read(minutes) == guest  # a minutes link lasts 30 days
    with time_machine.travel(timezone.now() + timedelta(days=31), tick=False), pytest.raises(TokenExpired):
        MINUTES_LINK.read(minutes)
