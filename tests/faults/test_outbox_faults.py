"""Issue 14: the outbox under real faults. Nothing is lost and nothing is sent twice.

Each test runs a Redis, a Celery worker and an SMTP sink of its own (tests/faults/stack.py), breaks one of
them, lets it recover, and then counts per recipient and subject what the sink received: every expected
message exactly once. The numbers are printed (`-s` or `-rA`) and summed up at the end of the run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wm_faults .venv/bin/python -m pytest -n 0 -s tests/faults
"""

import time
from collections import Counter

import pytest
from django.urls import reverse

from core.outbox.models import OutboxEntry
from core.outbox.tasks import relay_outbox
from meetings.models import Meeting
from registry.certificates.services import certificate_issue
from registry.models import BulkIssueJob, Certificate
from tests.meetings.factories_meetings import plan_data
from tests.registry.factories_certificates import certificate_course, enrol_completed, participant

from .services import wait_until
from .stack import assert_exactly_once

pytestmark = pytest.mark.faults
Status = OutboxEntry.Status
RESET_SUBJECT = "Choose a new Werkmentor password"
PAGE_SECONDS_WITH_REDIS_DOWN = 5


def certificate_expected(certificate, *, admin="admin@example.org") -> list[tuple[str, str]]:
    """The holder's and the employer admin's copy; the number in the subject names the certificate."""
    return [(certificate.holder_email, certificate.number), (admin, certificate.number)]


def issue_through_the_page(client, world, course, person) -> tuple[Certificate, float]:
    enrolment = enrol_completed(course, person, world.company)
    client.force_login(world.supervisor)
    started = time.monotonic()
    response = client.post(reverse("certificate_issue", args=[course.pk, enrolment.pk]))
    assert response.status_code == 302
    return Certificate.objects.get(enrolment=enrolment), time.monotonic() - started


def issue_certificates(world, number: int) -> list[Certificate]:
    """`number` certificates issued by the supervisor, each to a participant of their own."""
    course = certificate_course(world)
    certificates = []
    for index in range(number):
        person = participant(world, first_name=f"Deelnemer{index}", last_name="Fout")
        enrolment = enrol_completed(course, person, world.company)
        certificates.append(certificate_issue(enrolment=enrolment, issued_by=world.supervisor)[0])
    return certificates


def test_redis_stopped_while_people_work(fault_stack, world, client):
    """Redis stops; a certificate, a meeting with invitations and a password reset still succeed; all goes out."""
    redis = fault_stack.start_redis()
    fault_stack.new_worker().start()
    course = certificate_course(world)
    redis.stop()

    certificate, issue_seconds = issue_through_the_page(client, world, course, world.mentor)
    started = time.monotonic()
    assert client.post(reverse("meeting_new", args=[world.placement.pk]), plan_data()).status_code == 302
    plan_seconds = time.monotonic() - started
    client.logout()
    started = time.monotonic()
    assert client.post(reverse("password_reset"), {"email": world.learner.email}).status_code == 302
    reset_seconds = time.monotonic() - started

    meeting = Meeting.objects.get(placement=world.placement)
    invited = list(meeting.participants.values_list("email", flat=True))
    assert len(invited) == 3
    assert OutboxEntry.objects.filter(status=Status.PENDING).count() == 1 + len(invited) + 1
    assert fault_stack.sink.received() == []

    redis.start()
    recovery = time.monotonic()
    relay_outbox.apply_async()  # what beat sends every minute: the worker, back on Redis, runs the relay
    expected = [
        *certificate_expected(certificate),
        *[(email, "Invitation: tripartite meeting") for email in invited],
        (world.learner.email, RESET_SUBJECT),
    ]
    tally = fault_stack.tally("redis stopped", expected)
    pages = f"issue {issue_seconds:.1f} s, plan {plan_seconds:.1f} s, reset {reset_seconds:.1f} s"
    fault_stack.report(tally, f"pages with Redis down: {pages}; all out {tally.seconds_since(recovery):.1f} s after")
    assert_exactly_once(tally)
    # Handing an entry to a Redis that is down fails at once, so the page does not wait for the broker: the plan
    # page hands over one entry per invitation (with kombu's connection retries that was 6 s each, 18 s here).
    assert plan_seconds < PAGE_SECONDS_WITH_REDIS_DOWN, pages


@pytest.mark.parametrize("appendonly", [False, True], ids=["in-memory", "append-only"])
def test_redis_killed_with_messages_waiting_on_it(fault_stack, world, appendonly):
    """kill -9 while Redis holds certificate e-mails no worker took yet: gone (or, append-only, kept); each once."""
    redis = fault_stack.start_redis(appendonly=appendonly)
    certificates = issue_certificates(world, 4)  # handed to Redis after each commit; no worker is running
    assert redis.queue_length() == len(certificates)

    redis.kill()
    redis.start()
    survived = redis.queue_length()
    assert survived == (len(certificates) if appendonly else 0)
    fault_stack.new_worker().start()  # takes whatever survived in Redis ...
    recovery = time.monotonic()
    fault_stack.relay_until_sent()  # ... while beat's scan runs the entries that are due: both, never twice

    expected = [pair for certificate in certificates for pair in certificate_expected(certificate)]
    tally = fault_stack.tally(f"redis killed ({'append-only' if appendonly else 'in memory'})", expected)
    fault_stack.report(tally, f"{survived} of {len(certificates)} queued tasks survived the kill")
    assert_exactly_once(tally)
    assert tally.complete_at - recovery < 30


OUTAGE_SECONDS = 12


def test_smtp_down_for_a_while(fault_stack, world, client):
    """The mail server is away for longer than several retries; after it is back, every message goes out once."""
    fault_stack.start_redis()
    fault_stack.new_worker().start()
    fault_stack.sink.down()
    certificates = issue_certificates(world, 3)
    assert client.post(reverse("password_reset"), {"email": world.learner.email}).status_code == 302

    failed_runs = fault_stack.relay_while_failing(seconds=OUTAGE_SECONDS, attempts=3)  # beat, while the server is away
    attempts = sorted(OutboxEntry.objects.values_list("attempts", flat=True))
    assert not OutboxEntry.objects.exclude(status=Status.PENDING).exists()  # none sent, none parked as failed
    assert min(attempts) >= 3 and "ConnectionRefusedError" in OutboxEntry.objects.first().last_error

    fault_stack.sink.up()
    recovery = time.monotonic()
    fault_stack.relay_until_sent()
    expected = [pair for certificate in certificates for pair in certificate_expected(certificate)]
    expected.append((world.learner.email, RESET_SUBJECT))
    tally = fault_stack.tally(f"smtp down {OUTAGE_SECONDS} s", expected)
    fault_stack.report(
        tally, f"{failed_runs} failed relay runs, attempts per entry {attempts[0]}-{attempts[-1]} during the outage"
    )
    assert_exactly_once(tally)
    assert tally.complete_at - recovery < 30  # the next attempt was at most 8 s (the longest delay) away


def test_one_recipient_refused_for_a_while(fault_stack, world, client):
    """The employer's admin is refused (550) for a while: the holder gets one copy, the admin one after."""
    fault_stack.start_redis()
    fault_stack.new_worker().start()
    fault_stack.sink.refuse(world.company_admin.email)
    certificate, _seconds = issue_through_the_page(client, world, certificate_course(world), world.mentor)
    entry = OutboxEntry.objects.get()

    def first_attempt_done():
        entry.refresh_from_db()
        return entry.status == Status.PENDING and entry.attempts >= 1

    wait_until(first_attempt_done, timeout=30, what="the worker's first attempt")
    fault_stack.relay_while_failing(seconds=2, attempts=3)
    entry.refresh_from_db()
    assert entry.attempts >= 3 and "SMTPRecipientsRefused" in entry.last_error
    holder_only = fault_stack.sink.count(subject_contains=certificate.number)
    assert [recipient for recipient, _subject in holder_only] == [certificate.holder_email]

    fault_stack.sink.accept_all()
    fault_stack.relay_until_sent()
    tally = fault_stack.tally("one recipient refused", certificate_expected(certificate))
    fault_stack.report(tally, f"{fault_stack.sink.refusals} refusals, {entry.attempts} attempts while refused")
    assert tally.copies(certificate.holder_email, certificate.number) == 1
    assert_exactly_once(tally)


BULK_PARTICIPANTS = 40


def test_worker_killed_mid_bulk_job(fault_stack, world, client):
    """SIGKILL to the worker (and its pool) while it issues a course's certificates: the run resumes after the
    lease, every participant gets exactly one certificate and every certificate e-mail goes out once."""
    fault_stack.start_redis()
    worker = fault_stack.new_worker(pool="prefork", concurrency=2)
    worker.start()
    course = certificate_course(world)
    for index in range(BULK_PARTICIPANTS):
        enrol_completed(course, participant(world, first_name=f"Bulk{index}", last_name="Fout"), world.company)
    client.force_login(world.supervisor)
    assert client.post(reverse("certificate_bulk_issue", args=[course.pk])).status_code == 302
    job = BulkIssueJob.objects.get()

    certificates = Certificate.objects.filter(course=course)
    wait_until(lambda: certificates.count() >= 5, timeout=60, interval=0.01, what="the first certificates")
    worker.kill()
    issued_before_kill = certificates.count()
    job.refresh_from_db()
    assert job.status == BulkIssueJob.Status.RUNNING and issued_before_kill < BULK_PARTICIPANTS, (
        f"the kill came too late to interrupt the run ({issued_before_kill} issued, job {job.status})"
    )

    fault_stack.new_worker(pool="prefork", concurrency=2).start()
    fault_stack.relay_until_sent(timeout=90)  # resumes the run once the dead runner's lease has ended
    job.refresh_from_db()
    assert (job.status, job.total, job.issued, job.skipped, job.failed) == ("done", BULK_PARTICIPANTS, 40, 0, 0)
    per_enrolment = Counter(certificates.values_list("enrolment_id", flat=True))
    assert len(per_enrolment) == BULK_PARTICIPANTS and set(per_enrolment.values()) == {1}

    expected = [pair for certificate in certificates for pair in certificate_expected(certificate)]
    tally = fault_stack.tally("worker killed mid bulk job", expected)
    fault_stack.report(
        tally, f"{issued_before_kill} of {BULK_PARTICIPANTS} certificates issued before the kill, each issued once"
    )
    assert_exactly_once(tally)
