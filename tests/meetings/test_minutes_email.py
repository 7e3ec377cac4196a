"""Sending minutes e-mails every other participant once, through the Celery worker, with the right link."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from meetings.minutes.tasks import send_minutes_confirmation_request
from meetings.models import Minutes
from tests.helpers import wait_for_mail

from .factories_meetings import GUEST_EMAIL, held_meeting
from .factories_minutes import form_data


@pytest.fixture
def meeting(world, task_worker):
    return held_meeting(world, guest=True)


def send(client, world, meeting, by=None):
    client.force_login(by or world.mentor)
    assert client.post(reverse("minutes_edit", args=[meeting.pk]), form_data(action="send")).status_code == 302
    return Minutes.objects.get(meeting=meeting)


def test_sending_emails_each_other_participant_once(client, world, meeting):
    send(client, world, meeting)
    outbox = wait_for_mail(3)
    assert sorted(message.to[0] for message in outbox) == sorted(
        [world.learner.email, world.supervisor.email, GUEST_EMAIL]
    )
    assert len(wait_for_mail(4, timeout=1.5)) == 3  # and not the writer, nor anyone twice
    by_address = {message.to[0]: message for message in outbox}
    learner_mail = by_address[world.learner.email]
    assert "Please confirm the minutes of the meeting about Daan Jansen" in learner_mail.subject
    assert reverse("minutes_detail", args=[meeting.pk]) in learner_mail.body
    guest_mail = by_address[GUEST_EMAIL]
    assert "/meetings/minutes/confirm/" in guest_mail.body
    assert "You do not need to sign in" in guest_mail.body


def test_the_link_in_the_guests_email_confirms_the_minutes(client, world, meeting):
    minutes = send(client, world, meeting)
    guest_mail = next(m for m in wait_for_mail(3) if m.to == [GUEST_EMAIL])
    link = next(line for line in guest_mail.body.splitlines() if "/meetings/minutes/confirm/" in line).strip()
    client.logout()
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert client.post("/" + path).status_code == 302
    assert minutes.confirmations.filter(participant__email=GUEST_EMAIL).exists()


def test_someone_who_wants_no_notifications_gets_no_email(client, world, meeting):
    world.learner.notification_level = User.NotificationLevel.NONE
    world.learner.save(update_fields=["notification_level"])
    send(client, world, meeting)
    outbox = wait_for_mail(2)
    assert len(wait_for_mail(3, timeout=1.5)) == 2
    assert world.learner.email not in [message.to[0] for message in outbox]


def test_a_late_task_for_someone_who_confirmed_sends_nothing(client, world, meeting):
    minutes = send(client, world, meeting)
    wait_for_mail(3)
    mail.outbox.clear()
    writer_row = meeting.participants.get(user=world.mentor)
    send_minutes_confirmation_request(minutes.pk, writer_row.pk)
    assert mail.outbox == []
