"""A bulk run whose worker died: the page tells the truth, and the run resumes where it stopped, issuing each once."""

from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from core.outbox.models import OutboxEntry
from core.outbox.relay import relay_due
from registry.certificates.bulk_run import _claim, _issue_one, bulk_issue_run
from registry.models import BulkIssueItem, BulkIssueJob, Certificate

from .test_certificates_bulk import course_with_participants

pytestmark = pytest.mark.usefixtures("tasks_in_process")


def interrupted_job(world, *, after: int) -> BulkIssueJob:
    """A run that issued for `after` participants and then lost its worker (nothing more happens)."""
    course = course_with_participants(world)
    job = BulkIssueJob.objects.create(course=course, requested_by=world.supervisor)
    job = _claim(job.pk)
    for item_id in list(job.items.values_list("pk", flat=True)[:after]):
        _issue_one(job, item_id)
    return job


def test_the_page_says_a_job_without_a_worker_is_interrupted_and_offers_to_resume(
    client, world, settings, django_capture_on_commit_callbacks
):
    job = interrupted_job(world, after=2)
    client.force_login(world.supervisor)
    url = reverse("certificate_bulk_job", args=[job.public_id])
    assert "interrupted" not in client.get(url).text.lower()  # it just had a heartbeat
    with time_machine.travel(timezone.now() + timedelta(seconds=settings.BULK_JOB_STALLED_SECONDS + 5)):
        page = client.get(url).text
        assert "Interrupted" in page and "Resume now" in page
        assert 'value="2"' in page  # the progress so far
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("certificate_bulk_retry", args=[job.public_id]))
    job.refresh_from_db()
    assert (job.status, job.issued, job.skipped, job.total) == ("done", 3, 1, 4)
    assert Certificate.objects.count() == 3
    assert not job.items.filter(outcome=BulkIssueItem.Outcome.PENDING).exists()


def test_a_second_runner_does_not_take_a_job_that_is_alive(world):
    job = interrupted_job(world, after=1)
    bulk_issue_run(job_id=job.pk)  # a duplicate delivery while the first runner is alive
    job.refresh_from_db()
    assert job.status == "running" and job.done_count == 1


def test_the_outbox_resumes_a_job_whose_runner_died_and_each_certificate_is_issued_and_mailed_once(
    client, world, settings, django_capture_on_commit_callbacks
):
    course = course_with_participants(world)
    client.force_login(world.supervisor)
    broker_down = mock.patch("celery.app.task.Task.apply_async", side_effect=OperationalError("down"))
    with broker_down, django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("certificate_bulk_issue", args=[course.pk]))
    job = BulkIssueJob.objects.get()
    entry = OutboxEntry.objects.get(task_name="registry.tasks_certificates.run_bulk_issue")
    # A worker takes the entry, issues for two participants, and is killed: its lease and heartbeat go stale.
    OutboxEntry.objects.filter(pk=entry.pk).update(
        status="sending", attempts=1, lease_until=timezone.now() + timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)
    )
    claimed = _claim(job.pk)
    for item_id in list(claimed.items.values_list("pk", flat=True)[:2]):
        _issue_one(claimed, item_id)
    assert Certificate.objects.count() == 2

    later = timezone.now() + timedelta(seconds=settings.OUTBOX_LEASE_SECONDS + 60)
    with time_machine.travel(later):
        for _round in range(3):  # the relay runs the job, then the e-mails it queued
            with django_capture_on_commit_callbacks(execute=True):
                relay_due()
    job.refresh_from_db()
    assert (job.status, job.issued, job.skipped) == ("done", 3, 1)
    assert Certificate.objects.count() == 3
    sent_to = sorted(address for message in mail.outbox for address in message.to)
    holders = sorted(Certificate.objects.values_list("holder_email", flat=True))
    assert sent_to == sorted([*holders, *["admin@example.org"] * 3])  # each holder once, the employer once each
