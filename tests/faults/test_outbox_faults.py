"""Issue 14: the outbox under real faults. Nothing is lost and nothing is sent twice.

Each test runs a Redis, a Celery worker and an SMTP sink of its own (tests/faults/stack.py), breaks one of
them, lets it recover, and then counts per recipient and subject what the sink received: every expected
message exactly once. The numbers are printed (`-s` or `-rA`) and summed up at the end of the run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wm_faults .venv/bin/python -m pytest -n 0 -s tests/faults
"""

import time

import pytest
from django.urls import reverse

from core.outbox.models import OutboxEntry
from core.outbox.tasks import relay_outbox
from meetings.models import Meeting
from registry.certificates.services import certificate_issue
from registry.models import Certificate
from tests.meetings.factories_meetings import plan_data
from tests.registry.factories_certificates import certificate_course, enrol_completed, participant

from .stack import assert_exactly_once

pytestmark = pytest.mark.faults
Status = OutboxEntry.Status
RESET_SUBJECT = "Choose a new Werkmentor password"


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
