"""Delivery through the real worker (Celery on Redis when REDIS_URL is set; in-process otherwise): each
reminder reaches each person exactly once, also with two scans at once, a failing mail server or a lost broker.
"""

import io
import threading
from datetime import UTC, date, datetime, timedelta
from smtplib import SMTPException

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import connection
from kombu.exceptions import OperationalError

from core.outbox import enqueue
from core.outbox.models import OutboxEntry
from core.outbox.relay import relay_due, run
from meetings.models import Meeting, PlacementAlert, ReminderLog
from meetings.reminders import delivery
from meetings.reminders import tasks as reminder_tasks
from meetings.reminders.scan import scan
from notifications.models import Notification
from tests.helpers import wait_for_mail

from .factories_meetings import add_guest, meeting_at
from .factories_reminders import wall_clock

LONG_AGO = datetime(2026, 1, 5, 9, tzinfo=UTC)
WEEK_BEFORE = wall_clock(2027, 3, 22, 10)
EVERYONE = ["learner@example.org", "mentor@example.org", "owner@korenschoof.example", "supervisor@example.org"]


@pytest.fixture
def meeting(world):
    meeting = meeting_at(world.placement, wall_clock(2027, 3, 29, 10), created_at=LONG_AGO, guest=True)
    world.learner.language = "nl"
    world.learner.save(update_fields=["language"])
    return meeting


def recipients(outbox) -> list[str]:
    return sorted(address for message in outbox for address in message.to)


def wait_until_sent(count, timeout=15.0):
    outbox = wait_for_mail(count, timeout)
    wait_for_mail(count + 1, timeout=1.0)  # and no more than that
    return outbox


def failing_once(monkeypatch):
    """The (in-memory) mail server refuses the first message, then accepts everything."""
    calls = []
    real = EmailBackend.send_messages

    def send_messages(self, messages):
        calls.append(len(messages))
        if len(calls) == 1:
            raise SMTPException("451 try again later")
        return real(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", send_messages)
    return calls


def test_each_participant_gets_the_reminder_once_by_mail_and_in_the_app(world, meeting, task_worker):
    with time_machine.travel(WEEK_BEFORE, tick=False):
        assert scan()["queued"] == 4
        outbox = wait_until_sent(4)
        assert set(scan().values()) == {0}
    assert recipients(outbox) == EVERYONE
    assert ReminderLog.objects.filter(sent_at__isnull=True).count() == 0
    assert set(ReminderLog.objects.values_list("attempts", flat=True)) == {1}
    by_address = {message.to[0]: message for message in outbox}
    assert "Reminder: tripartite meeting about Daan Jansen" in by_address["mentor@example.org"].subject
    assert "29 March 2027, 10:00" in by_address["mentor@example.org"].body  # Dutch wall-clock time
    assert "29 maart 2027" in by_address["learner@example.org"].body  # in the learner's own language
    assert "/meetings/respond/" in by_address["owner@korenschoof.example"].body  # no account: a signed link
    assert f"/meetings/{meeting.pk}/" in by_address["mentor@example.org"].body
    notifications = Notification.objects.order_by("user__email")
    assert [n.user.email for n in notifications] == [
        "learner@example.org",
        "mentor@example.org",
        "supervisor@example.org",
    ]
    assert {n.url for n in notifications} == {f"/meetings/{meeting.pk}/"}
    assert len(wait_for_mail(5, timeout=1.0)) == 4


def test_an_smtp_failure_followed_by_success_sends_once(
    world, meeting, tasks_in_process, monkeypatch, django_capture_on_commit_callbacks
):
    calls = failing_once(monkeypatch)
    with time_machine.travel(WEEK_BEFORE, tick=False), django_capture_on_commit_callbacks(execute=True):
        scan()
    # The batch stopped at the refused message; the outbox runs it again after its first pause.
    entry = OutboxEntry.objects.get(task_name=reminder_tasks.deliver_reminders.name)
    assert (entry.status, entry.attempts) == ("pending", 1)
    with time_machine.travel(WEEK_BEFORE + timedelta(minutes=2), tick=False):
        assert str(relay_due()) == "sent 1"
    assert recipients(mail.outbox) == EVERYONE
    assert calls[0] == 1 and len(calls) == 5  # the refused message went again, once
    first = ReminderLog.objects.order_by("pk").first()
    assert first.sent_at is not None and first.attempts == 2


def test_the_single_reminder_task_is_retried_by_the_outbox_and_sends_once(
    world, meeting, tasks_in_process, monkeypatch, django_capture_on_commit_callbacks
):
    with time_machine.travel(WEEK_BEFORE, tick=False), mock_queue():
        scan()
    log = ReminderLog.objects.get(participant__user=world.mentor)
    failing_once(monkeypatch)
    with time_machine.travel(WEEK_BEFORE, tick=False), django_capture_on_commit_callbacks(execute=True):
        entry = enqueue(reminder_tasks.deliver_reminder, log.pk)
    assert mail.outbox == []
    with time_machine.travel(WEEK_BEFORE + timedelta(minutes=2), tick=False):
        assert run(entry.pk) == "sent"  # (the scan's own batch waits in the outbox too; not run here)
    assert recipients(mail.outbox) == ["mentor@example.org"]
    log.refresh_from_db()
    assert log.sent_at is not None and log.attempts == 2


def mock_queue():
    """The broker is down: queueing raises, as a Redis connection error would."""
    from unittest import mock

    return mock.patch("celery.app.task.Task.apply_async", side_effect=OperationalError("Connection refused"))


def test_with_the_broker_down_the_scan_still_records_and_a_later_scan_catches_up(world, meeting, task_worker):
    with time_machine.travel(WEEK_BEFORE, tick=False), mock_queue():
        assert scan()["queued"] == 4  # marked queued; the queueing itself failed, quietly
    assert ReminderLog.objects.filter(sent_at__isnull=True).count() == 4
    assert mail.outbox == []
    with time_machine.travel(wall_clock(2027, 3, 22, 10, 5), tick=False):
        assert scan()["queued"] == 0  # not yet: it might still be on its way
    with time_machine.travel(wall_clock(2027, 3, 22, 10, 16), tick=False):
        assert scan()["queued"] == 4
        outbox = wait_until_sent(4)
    assert recipients(outbox) == EVERYONE


@pytest.mark.django_db(transaction=True)
def test_two_scans_at_the_same_moment_send_each_reminder_once(world, meeting, task_worker):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time; concurrent scans need PostgreSQL (CI runs them)")
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            barrier.wait(timeout=10)
            results.append(scan())
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    with time_machine.travel(WEEK_BEFORE, tick=False):
        threads = [threading.Thread(target=run) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        outbox = wait_until_sent(4)
    assert errors == []
    assert sum(result["queued"] for result in results) == 4  # each row claimed by one scan only
    assert recipients(outbox) == EVERYONE
    assert ReminderLog.objects.count() == 4


@pytest.mark.django_db(transaction=True)
def test_two_deliveries_of_the_same_reminder_at_once_send_it_once(world, meeting):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks; concurrent deliveries need PostgreSQL (CI runs them)")
    with time_machine.travel(WEEK_BEFORE, tick=False), mock_queue():
        scan()
    log = ReminderLog.objects.get(participant__user=world.supervisor)
    barrier = threading.Barrier(2)
    sent, errors = [], []

    def run():
        try:
            barrier.wait(timeout=10)
            sent.append(delivery.deliver_reminder(log.pk))
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sorted(sent) == [False, True]
    assert recipients(mail.outbox) == ["supervisor@example.org"]


def test_a_reminder_for_a_meeting_cancelled_before_delivery_is_withdrawn(world, meeting):
    with time_machine.travel(WEEK_BEFORE, tick=False):
        scan()  # nothing is queued: the test's transaction never commits
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.CANCELLED, cancelled_reason="Ill")
    log = ReminderLog.objects.first()
    assert delivery.deliver_reminder(log.pk) is False
    assert not ReminderLog.objects.filter(pk=log.pk).exists()
    assert mail.outbox == []


def test_send_reminders_command_scans_and_delivers_in_process(world, meeting, task_worker):
    add_guest(meeting, email="second.guest@example.org", name="Second Guest")
    out = io.StringIO()
    with time_machine.travel(WEEK_BEFORE, tick=False):
        call_command("send_reminders", "--in-process", stdout=out)
        assert len(mail.outbox) == 5  # sent before the command returned, without any worker
        call_command("send_reminders", stdout=out)
    assert "before 5" in out.getvalue() and "before 0" in out.getvalue()
    assert len(wait_for_mail(6, timeout=1.0)) == 5


def test_the_no_meeting_alert_reaches_the_supervisor_once(world, task_worker):
    world.placement.start_date = date(2027, 1, 4)
    world.placement.save(update_fields=["start_date"])
    with time_machine.travel(wall_clock(2027, 3, 15, 8), tick=False):
        assert scan()["alerts_queued"] == 1
        outbox = wait_until_sent(1)
        assert scan()["alerts_queued"] == 0
    assert recipients(outbox) == ["supervisor@example.org"]
    assert "No tripartite meeting with Daan Jansen for 10 weeks" in outbox[0].subject
    assert f"/placements/{world.placement.pk}/meetings/new/" in outbox[0].body
    alert = PlacementAlert.objects.get()
    assert alert.sent_at is not None
    notification = Notification.objects.get(user=world.supervisor)
    assert notification.level == Notification.Level.ESSENTIAL
