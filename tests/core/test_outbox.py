"""The outbox: a message is written with its change, sent after the commit, retried with backoff, never twice."""

from datetime import timedelta
from smtplib import SMTPRecipientsRefused
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from core.outbox import enqueue
from core.outbox.models import OutboxEntry
from core.outbox.relay import relay_due, run
from registry.certificates.tasks import send_certificate_email
from registry.models import Certificate
from tests.registry.factories_certificates import certificate_course, enrol_completed

Status = OutboxEntry.Status

pytestmark = pytest.mark.usefixtures("tasks_in_process")


@pytest.fixture
def refused():
    """Addresses the mail server refuses for now; everyone else's mail goes into mail.outbox."""
    addresses: set[str] = set()
    real_send = EmailBackend.send_messages

    def send_messages(backend, messages):
        for message in messages:
            refused_now = {address: (550, b"mailbox unavailable") for address in message.to if address in addresses}
            if refused_now:
                raise SMTPRecipientsRefused(refused_now)
        return real_send(backend, messages)

    with mock.patch.object(EmailBackend, "send_messages", send_messages):
        yield addresses


@pytest.fixture
def broker_down():
    with mock.patch("celery.app.task.Task.apply_async", side_effect=OperationalError("Connection refused")):
        yield


def issued_certificate(world, django_capture_on_commit_callbacks):
    """A course certificate issued through the page: the holder and the employer's admin get it by e-mail."""
    from django.test import Client

    course = certificate_course(world)
    enrolment = enrol_completed(course, world.mentor, world.company)
    client = Client()
    client.force_login(world.supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("certificate_issue", args=[course.pk, enrolment.pk])).status_code == 302
    return Certificate.objects.get()


def recipients_of(messages) -> list[str]:
    return sorted(address for message in messages for address in message.to)


def test_the_message_is_written_with_the_change_and_sent_after_the_commit(world, django_capture_on_commit_callbacks):
    certificate = issued_certificate(world, django_capture_on_commit_callbacks)
    entry = OutboxEntry.objects.get(task_name=send_certificate_email.name)
    assert entry.status == Status.SENT and entry.attempts == 1 and entry.args == [certificate.pk]
    assert recipients_of(mail.outbox) == ["admin@example.org", "mentor@example.org"]
    assert sorted(entry.deliveries.values_list("recipient", flat=True)) == ["admin@example.org", "mentor@example.org"]


def test_a_change_that_is_rolled_back_leaves_no_message(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        enqueue(send_certificate_email, 12345)
        raise RuntimeError("the change failed")
    assert not OutboxEntry.objects.exists()


def test_with_the_broker_down_the_message_waits_and_the_scan_sends_it_once(
    world, django_capture_on_commit_callbacks, broker_down
):
    certificate = issued_certificate(world, django_capture_on_commit_callbacks)
    entry = OutboxEntry.objects.get()
    assert entry.status == Status.PENDING and mail.outbox == []
    assert str(relay_due()) == "sent 1"
    assert recipients_of(mail.outbox) == ["admin@example.org", "mentor@example.org"]
    certificate.refresh_from_db()
    assert certificate.emailed_at is not None
    assert str(relay_due()) == "nothing due" and len(mail.outbox) == 2


def test_a_refused_recipient_is_retried_later_and_the_others_get_it_once(
    world, django_capture_on_commit_callbacks, refused
):
    refused.add("admin@example.org")
    issued_certificate(world, django_capture_on_commit_callbacks)
    entry = OutboxEntry.objects.get()
    assert entry.status == Status.PENDING and entry.attempts == 1
    assert "SMTPRecipientsRefused" in entry.last_error
    assert entry.next_attempt_at > timezone.now() + timedelta(seconds=50)
    assert recipients_of(mail.outbox) == ["mentor@example.org"]

    assert str(relay_due()) == "nothing due"  # not before its time
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert str(relay_due()) == "pending 1"  # still refused: the next pause is longer
    entry.refresh_from_db()
    assert entry.attempts == 2 and entry.next_attempt_at > timezone.now() + timedelta(minutes=6)

    refused.clear()
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        assert str(relay_due()) == "sent 1"
    assert recipients_of(mail.outbox) == ["admin@example.org", "mentor@example.org"]  # the holder once


def test_after_the_last_retry_the_message_is_parked_as_failed_and_staff_send_it_again(
    world, django_capture_on_commit_callbacks, refused, settings, client, admin_user
):
    settings.OUTBOX_RETRY_DELAYS = [60, 600]
    refused.update({"admin@example.org", "mentor@example.org"})
    issued_certificate(world, django_capture_on_commit_callbacks)
    for minutes in (2, 15):
        with time_machine.travel(timezone.now() + timedelta(minutes=minutes)):
            relay_due()
    entry = OutboxEntry.objects.get()
    assert entry.status == Status.FAILED and entry.attempts == 3
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        assert str(relay_due()) == "nothing due"  # parked: no more attempts by itself

    client.force_login(admin_user)
    page = client.get(reverse("outbox"))
    assert page.status_code == 200
    assert "send_certificate_email" in page.text and "SMTPRecipientsRefused" in page.text
    assert client.get("/healthz").json()["outbox"] == {"waiting": 0, "failed": 1}

    refused.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("outbox_send_again", args=[entry.pk]))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == Status.SENT
    assert recipients_of(mail.outbox) == ["admin@example.org", "mentor@example.org"]


def test_an_entry_whose_runner_died_is_taken_up_after_its_lease(world, django_capture_on_commit_callbacks, broker_down):
    certificate = issued_certificate(world, django_capture_on_commit_callbacks)
    entry = OutboxEntry.objects.get()
    # A worker took it and was killed: the entry stays "being sent" with a lease nobody renews.
    OutboxEntry.objects.filter(pk=entry.pk).update(
        status=Status.SENDING, lease_until=timezone.now() + timedelta(minutes=10), attempts=1
    )
    assert run(entry.pk) is None and str(relay_due()) == "nothing due"  # held: nobody else runs it
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        assert str(relay_due()) == "sent 1"
    certificate.refresh_from_db()
    assert certificate.emailed_at is not None and len(mail.outbox) == 2


def test_a_named_message_is_written_once(db, django_capture_on_commit_callbacks, broker_down):
    with django_capture_on_commit_callbacks(execute=True):
        first = enqueue(send_certificate_email, 1, key="certificate-email:1")
        second = enqueue(send_certificate_email, 1, key="certificate-email:1")
    assert first.pk == second.pk and OutboxEntry.objects.count() == 1


def test_the_relay_command_runs_what_is_due(world, django_capture_on_commit_callbacks, broker_down, capsys):
    issued_certificate(world, django_capture_on_commit_callbacks)
    call_command("relay_outbox")
    assert capsys.readouterr().out.strip() == "sent 1"
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("role", ["mentor", "supervisor", "coordinator", "learner"])
def test_only_staff_see_the_outbox(world, client, role, django_capture_on_commit_callbacks, broker_down):
    issued_certificate(world, django_capture_on_commit_callbacks)
    entry = OutboxEntry.objects.get()
    client.force_login(getattr(world, role))
    assert client.get(reverse("outbox")).status_code == 403
    assert client.post(reverse("outbox_send_again", args=[entry.pk])).status_code == 403
    client.logout()
    assert client.get(reverse("outbox")).status_code == 302  # to the log-in page


def test_the_outbox_page_takes_few_queries(world, client, admin_user, broker_down, django_assert_max_num_queries):
    for number in range(30):
        enqueue(send_certificate_email, number)
    OutboxEntry.objects.update(status=Status.FAILED, last_error="SMTPServerDisconnected: gone")
    client.force_login(admin_user)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("outbox"))
    assert response.text.count("SMTPServerDisconnected") == 30


def test_send_again_refuses_a_message_that_went_out(world, client, admin_user, django_capture_on_commit_callbacks):
    issued_certificate(world, django_capture_on_commit_callbacks)
    entry = OutboxEntry.objects.get()
    client.force_login(admin_user)
    response = client.post(reverse("outbox_send_again", args=[entry.pk]), follow=True)
    assert "was sent already" in response.text
    assert len(mail.outbox) == 2
    assert client.get(reverse("outbox_send_again", args=[entry.pk])).status_code == 405
