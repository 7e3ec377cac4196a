"""Reminding pending signers every N days: never early, once per round, never twice for the same round."""

import threading
import time
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client

from assessments.models import AssessmentRecord, Signature
from assessments.signatures.reminders import claim_due_reminders, send_signature_reminders, signature_reminders_queue
from assessments.signatures.services import record_withdraw
from tests.helpers import wait_for_mail

from .test_signatures import ready_record, sent_record, sign
from .test_signatures_email import path_of

SENT_AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
MINUTE = timedelta(minutes=1)
DAY = timedelta(days=1)


def make_record(world, *, mailing=True):
    """Sent at SENT_AT and signed by the mentor an hour later; the request e-mails (if sent) delivered and cleared."""
    with time_machine.travel(SENT_AT, tick=False):
        record = sent_record(world)
        if mailing:
            wait_for_mail(3)  # before the mentor signs, or the mentor's request would race the signing
    with time_machine.travel(SENT_AT + timedelta(hours=1), tick=False):
        sign(record, world.mentor)
    mail.outbox.clear()
    return record


@pytest.fixture
def record(world, task_worker):
    return make_record(world)


@pytest.fixture
def settle(task_worker):
    """How long to wait for mail that must not come: a worker may still be sending; eager tasks have run."""
    return 1.5 if task_worker else 0


@pytest.fixture
def run_at(task_worker, settle):
    def run(moment):
        """Run the reminder scan at `moment`, wait for what it queued, and return the addresses reminded."""
        mail.outbox.clear()
        with time_machine.travel(moment, tick=False):
            queued = signature_reminders_queue()
            outbox = wait_for_mail(queued)
            assert len(wait_for_mail(queued + 1, timeout=settle)) == queued
        return sorted(m.to[0] for m in outbox)

    return run


def test_reminders_go_every_n_days_and_only_once_per_round(world, record, run_at, settings):
    settings.ASSESSMENT_SIGNATURE_REMINDER_DAYS = 3
    pending = ["learner@example.org", "supervisor@example.org"]
    at = run_at

    assert at(SENT_AT + 3 * DAY - MINUTE) == []
    assert at(SENT_AT + 3 * DAY) == pending
    assert at(SENT_AT + 3 * DAY) == []  # a second run at the same moment
    assert at(SENT_AT + 3 * DAY + 2 * MINUTE) == []
    assert at(SENT_AT + 6 * DAY - MINUTE) == []
    assert at(SENT_AT + 6 * DAY) == pending
    assert at(SENT_AT + 6 * DAY) == []
    with time_machine.travel(SENT_AT + 7 * DAY, tick=False):
        sign(record, world.learner)
    assert at(SENT_AT + 9 * DAY) == ["supervisor@example.org"]
    reminded = Signature.objects.get(record=record, user=world.supervisor).last_reminded_at
    assert reminded == SENT_AT + 9 * DAY
    assert Signature.objects.get(record=record, user=world.mentor).last_reminded_at is None


def test_the_number_of_days_comes_from_the_settings(world, record, run_at, settings):
    settings.ASSESSMENT_SIGNATURE_REMINDER_DAYS = 5
    assert run_at(SENT_AT + 4 * DAY) == []
    assert len(run_at(SENT_AT + 5 * DAY)) == 2


def test_without_the_setting_reminders_go_every_three_days(world, record, run_at, settings):
    del settings.ASSESSMENT_SIGNATURE_REMINDER_DAYS
    assert run_at(SENT_AT + 3 * DAY - MINUTE) == []
    assert len(run_at(SENT_AT + 3 * DAY)) == 2


def test_withdrawn_signed_and_draft_records_are_not_reminded(world, task_worker, run_at):
    with time_machine.travel(SENT_AT, tick=False):
        withdrawn = sent_record(world)
        wait_for_mail(3)
        record_withdraw(record=withdrawn, by=world.mentor)
        signed = sent_record(world, title="Final assessment")
        wait_for_mail(6)  # the requests, before the signing: else they race it
        for user in (world.mentor, world.supervisor, world.learner):
            sign(signed, user)
        wait_for_mail(9)  # the signed record's PDF, to each of its three signers
        ready_record(world, title="Draft assessment")
    assert run_at(SENT_AT + 30 * DAY) == []


def test_the_reminder_carries_a_fresh_link_that_still_works_after_the_first_expired(world, record, run_at, settings):
    settings.ASSESSMENT_SIGNATURE_REMINDER_DAYS = 15
    run_at(SENT_AT + 15 * DAY)
    message = next(m for m in mail.outbox if m.to == ["learner@example.org"])
    assert message.subject == "Reminder: please sign your assessment: Mid-term assessment"
    assert "you were asked to sign it on 2 March 2026" in message.body
    with time_machine.travel(SENT_AT + 16 * DAY, tick=False):
        page = Client().get(path_of(message))
    assert page.status_code == 200
    assert "You sign as Daan Jansen" in page.text


def test_a_signer_who_wants_no_reminders_gets_none_but_the_round_is_used(world, record, settle):
    world.supervisor.notification_level = "essential"
    world.supervisor.save()
    mail.outbox.clear()
    with time_machine.travel(SENT_AT + 3 * DAY, tick=False):
        assert signature_reminders_queue() == 2
        outbox = wait_for_mail(1)
        assert len(wait_for_mail(2, timeout=settle)) == 1
    assert [m.to for m in outbox] == [["learner@example.org"]]
    assert Signature.objects.get(record=record, user=world.supervisor).last_reminded_at == SENT_AT + 3 * DAY


def test_the_scan_costs_the_same_queries_however_many_are_due(world, django_assert_max_num_queries):
    make_record(world, mailing=False)  # no worker: nothing is sent, the scan alone is counted
    # Claim the due signatures, write their outbox rows in one insert, and the savepoint around them.
    with time_machine.travel(SENT_AT + 3 * DAY, tick=False), django_assert_max_num_queries(4):
        assert signature_reminders_queue() == 2


def test_the_command_and_the_task_run_the_same_scan(world, record, settle):
    out = StringIO()
    with time_machine.travel(SENT_AT + 3 * DAY, tick=False):
        call_command("send_assessment_reminders", stdout=out)
        assert "reminders queued: 2" in out.getvalue()
        assert send_signature_reminders.apply().get() == 0
        outbox = wait_for_mail(2)
        assert len(wait_for_mail(3, timeout=settle)) == 2
    assert sorted(m.to[0] for m in outbox) == ["learner@example.org", "supervisor@example.org"]
    with time_machine.travel(SENT_AT + 6 * DAY, tick=False):
        assert send_signature_reminders.apply().get() == 2
        assert len(wait_for_mail(4)) == 4


@pytest.mark.django_db(transaction=True)
def test_a_scan_running_alongside_another_claims_nothing_the_other_claimed(world):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time; concurrent scans need PostgreSQL (CI runs them)")
    with time_machine.travel(SENT_AT, tick=False):
        sent_record(world)
        sent_record(world, title="Final assessment")
    now = SENT_AT + 3 * DAY
    first_claimed = threading.Event()
    claims, errors = {}, []

    def first():
        try:
            with transaction.atomic():
                claims["first"] = claim_due_reminders(Signature, AssessmentRecord, "record_id", now, 3)
                first_claimed.set()
                time.sleep(0.5)  # still uncommitted while the second scan runs into the same rows
        except Exception as exc:  # reported below; a thread must not swallow it
            errors.append(exc)
        finally:
            first_claimed.set()
            connection.close()

    def second():
        try:
            first_claimed.wait(timeout=10)
            with transaction.atomic():
                claims["second"] = claim_due_reminders(Signature, AssessmentRecord, "record_id", now + MINUTE, 3)
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sorted(claims["first"]) == sorted(Signature.objects.values_list("pk", flat=True))
    assert len(claims["first"]) == 6
    assert claims["second"] == []
