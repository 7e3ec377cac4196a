"""Confirming minutes: one's own row only, through the app or a signed link, until everyone has; then they are fixed."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from meetings.minutes.services import MinutesLocked, minutes_confirm, minutes_save, minutes_withdraw
from meetings.models import Minutes, MinutesConfirmation, Participant
from meetings.selectors import MINUTES_LINK, RESPOND_LINK

from .factories_meetings import add_guest, held_meeting
from .factories_minutes import write_minutes


@pytest.fixture
def meeting(world):
    return held_meeting(world)


@pytest.fixture
def sent(world, meeting):
    """Sent by the mentor, so the mentor has confirmed; learner and supervisor have not."""
    return write_minutes(world, meeting, send=True)


def confirmed_by(minutes):
    return set(MinutesConfirmation.objects.filter(minutes=minutes).values_list("participant__email", flat=True))


def row_of(meeting, user):
    return meeting.participants.get(user=user)


def test_a_participant_confirms_only_their_own_row(client, world, meeting, sent):
    client.force_login(world.learner)
    supervisor_row = row_of(meeting, world.supervisor)
    response = client.post(reverse("minutes_confirm", args=[meeting.pk]), {"participant": supervisor_row.pk})
    assert response.status_code == 302
    assert confirmed_by(sent) == {world.mentor.email, world.learner.email}


def test_confirming_twice_records_one_confirmation(client, world, meeting, sent):
    client.force_login(world.learner)
    for _attempt in range(2):
        assert client.post(reverse("minutes_confirm", args=[meeting.pk])).status_code == 302
    assert MinutesConfirmation.objects.filter(minutes=sent, participant__user=world.learner).count() == 1


def test_draft_minutes_cannot_be_confirmed(client, world, meeting):
    write_minutes(world, meeting)
    client.force_login(world.learner)
    response = client.post(reverse("minutes_confirm", args=[meeting.pk]))
    assert response.status_code == 400
    assert "not waiting for confirmation" in response.text
    assert not MinutesConfirmation.objects.exists()


def test_a_meeting_without_minutes_has_nothing_to_confirm(client, world, meeting):
    client.force_login(world.learner)
    assert client.post(reverse("minutes_confirm", args=[meeting.pk])).status_code == 404


def test_the_last_confirmation_makes_the_minutes_confirmed_and_immutable(client, world, meeting, sent):
    client.force_login(world.learner)
    client.post(reverse("minutes_confirm", args=[meeting.pk]))
    sent.refresh_from_db()
    assert sent.status == Minutes.Status.AWAITING
    client.force_login(world.supervisor)
    client.post(reverse("minutes_confirm", args=[meeting.pk]))
    sent.refresh_from_db()
    assert sent.status == Minutes.Status.CONFIRMED

    client.force_login(world.mentor)
    page = client.get(reverse("minutes_edit", args=[meeting.pk]))
    assert page.status_code == 403
    assert "confirmed by everyone and can no longer be changed" in page.text
    withdraw = client.post(reverse("minutes_withdraw", args=[meeting.pk]))
    assert withdraw.status_code == 400
    with pytest.raises(MinutesLocked):
        minutes_save(meeting=meeting, by=world.mentor, summary="Rewritten")
    sent.refresh_from_db()
    assert sent.status == Minutes.Status.CONFIRMED
    assert sent.summary == "Daan works carefully and asks good questions."


def test_someone_who_declined_the_meeting_is_not_waited_for(world, meeting):
    row = row_of(meeting, world.supervisor)
    row.response = Participant.Response.DECLINED
    row.save()
    minutes = write_minutes(world, meeting, send=True)
    assert minutes_confirm(minutes=minutes, participant=row_of(meeting, world.learner)) is True
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.CONFIRMED


def test_minutes_of_a_meeting_with_only_the_writer_are_confirmed_on_sending(world):
    meeting = held_meeting(world)
    meeting.participants.exclude(user=world.mentor).delete()
    assert write_minutes(world, meeting, send=True, agreements=[]).status == Minutes.Status.CONFIRMED


def test_withdrawing_makes_a_draft_again_and_drops_the_confirmations(client, world, meeting, sent):
    minutes_confirm(minutes=sent, participant=row_of(meeting, world.learner))
    client.force_login(world.supervisor)
    response = client.post(reverse("minutes_withdraw", args=[meeting.pk]))
    assert response.status_code == 302
    assert response.url == reverse("minutes_edit", args=[meeting.pk])
    sent.refresh_from_db()
    assert sent.status == Minutes.Status.DRAFT
    assert sent.submitted_at is None
    assert not MinutesConfirmation.objects.exists()
    assert client.get(reverse("minutes_edit", args=[meeting.pk])).status_code == 200


def test_a_draft_cannot_be_withdrawn(world, meeting):
    minutes = write_minutes(world, meeting)
    with pytest.raises(Exception, match="Only minutes waiting for confirmation"):
        minutes_withdraw(minutes=minutes, by=world.mentor)


# --- The signed link ---------------------------------------------------------------------------------------


def test_the_signed_link_shows_the_minutes_read_only_and_confirms_on_post(client, world, meeting, sent):
    guest = add_guest(meeting)
    url = reverse("minutes_confirm_signed", args=[MINUTES_LINK.make(guest)])
    page = client.get(url)
    assert page.status_code == 200
    assert "Daan works carefully and asks good questions." in page.text
    assert "Practise shaping baguettes every Friday" in page.text
    assert reverse("minutes_edit", args=[meeting.pk]) not in page.text
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert page["Referrer-Policy"] == "same-origin"

    response = client.post(url)
    assert response.status_code == 302
    assert guest.email in confirmed_by(sent)
    assert "you have confirmed these minutes" in client.get(url).text


def test_a_signed_link_confirms_for_its_participant_only(client, world, meeting, sent):
    learner_row = row_of(meeting, world.learner)
    client.post(reverse("minutes_confirm_signed", args=[MINUTES_LINK.make(learner_row)]))
    assert confirmed_by(sent) == {world.mentor.email, world.learner.email}


def test_an_expired_signed_link_is_refused_with_a_clear_message(client, world, meeting, sent):
    guest = add_guest(meeting)
    token = MINUTES_LINK.make(guest)
    with time_machine.travel(timezone.now() + timedelta(days=31), tick=False):
        for response in (
            client.get(reverse("minutes_confirm_signed", args=[token])),
            client.post(reverse("minutes_confirm_signed", args=[token])),
        ):
            assert response.status_code == 410
            assert "This link has expired. Sign in to confirm the minutes" in response.text
    assert guest.email not in confirmed_by(sent)


def test_a_signed_link_still_works_after_29_days(client, world, meeting, sent):
    guest = add_guest(meeting)
    token = MINUTES_LINK.make(guest)
    with time_machine.travel(timezone.now() + timedelta(days=29), tick=False):
        assert client.post(reverse("minutes_confirm_signed", args=[token])).status_code == 302
    assert guest.email in confirmed_by(sent)


@pytest.mark.parametrize("tamper", ["flip", "garbage", "other_purpose"])
def test_a_tampered_signed_link_is_refused(client, world, meeting, sent, tamper):
    guest = add_guest(meeting)
    token = {
        "flip": MINUTES_LINK.make(guest)[:-2] + "xx",
        "garbage": "not-a-token",
        "other_purpose": RESPOND_LINK.make(guest),
    }[tamper]
    for response in (
        client.get(reverse("minutes_confirm_signed", args=[token])),
        client.post(reverse("minutes_confirm_signed", args=[token])),
    ):
        assert response.status_code == 400
        assert "This link is not valid" in response.text
    assert guest.email not in confirmed_by(sent)


def test_a_signed_link_to_withdrawn_minutes_says_they_are_being_corrected(client, world, meeting, sent):
    guest = add_guest(meeting)
    url = reverse("minutes_confirm_signed", args=[MINUTES_LINK.make(guest)])
    minutes_withdraw(minutes=sent, by=world.mentor)
    page = client.get(url)
    assert page.status_code == 200
    assert "being corrected" in page.text
    assert "Daan works carefully" not in page.text
    assert client.post(url).status_code == 400
    assert not MinutesConfirmation.objects.filter(participant=guest).exists()


@pytest.mark.django_db(transaction=True)
def test_the_last_two_confirmations_at_the_same_time_still_confirm_the_minutes(world):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time; concurrent confirmations need PostgreSQL (CI runs them)")
    meeting = held_meeting(world)
    minutes = write_minutes(world, meeting, send=True)
    rows = [row_of(meeting, world.learner), row_of(meeting, world.supervisor)]
    barrier = threading.Barrier(len(rows))
    errors = []

    def confirm(participant):
        try:
            barrier.wait(timeout=10)
            minutes_confirm(minutes=Minutes.objects.get(pk=minutes.pk), participant=participant)
        except Exception as exc:  # reported below; a thread must not swallow it
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(row,)) for row in rows]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.CONFIRMED
    assert minutes.confirmations.count() == 3


def test_a_minutes_link_already_sent_still_confirms(client, world, meeting, sent):
    guest = add_guest(meeting)
    # Made as the e-mails made it before core/signing.py: salt "meetings.minutes", "<pk>:<sequence>".
    token = signing.TimestampSigner(salt="meetings.minutes").sign(f"{guest.pk}:{meeting.sequence}")
    with time_machine.travel(timezone.now() + timedelta(days=29), tick=False):
        assert client.post(reverse("minutes_confirm_signed", args=[token])).status_code == 302
    assert guest.email in confirmed_by(sent)
