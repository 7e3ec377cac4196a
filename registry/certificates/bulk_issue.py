"""Issuing the certificates of a whole course in the background: starting a run, or starting it again.

The run itself, with counters people can watch, is registry/certificates/bulk_run.py (the task runs it).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from core.outbox import enqueue

from ..models import BulkIssueJob, Course
from .job_tasks import run_bulk_issue
from .selectors import bulk_candidates

Status = BulkIssueJob.Status
ACTIVE = (Status.QUEUED, Status.RUNNING)
RETRYABLE = (Status.DONE, Status.FAILED)


def _queue(job: BulkIssueJob) -> None:
    enqueue(run_bulk_issue, job.pk)


@transaction.atomic
def bulk_issue_start(*, course: Course, requested_by: User) -> BulkIssueJob:
    """Queue a run for the course; while one is queued or running, a second click returns that one."""
    Course.objects.select_for_update().filter(pk=course.pk).first()
    active = course.bulk_jobs.filter(status__in=ACTIVE).order_by("-created_at").first()
    if active is not None:
        return active
    job = BulkIssueJob.objects.create(course=course, requested_by=requested_by, total=bulk_candidates(course).count())
    _queue(job)
    return job


@transaction.atomic
def bulk_issue_retry(*, job: BulkIssueJob) -> BulkIssueJob:
    """Run a finished job again for what is still missing, or resume one whose worker is gone."""
    locked = BulkIssueJob.objects.select_for_update().get(pk=job.pk)
    if locked.is_stalled():
        # The run carries on with the participants still waiting (registry/certificates/bulk_run.py).
        _queue(locked)
        return locked
    if locked.status not in RETRYABLE:
        raise ValidationError(_("This job is still running; wait until it has finished."))
    locked.items.all().delete()  # a new run looks again at everyone still without a certificate
    locked.status = Status.QUEUED
    locked.total = bulk_candidates(locked.course).count()
    locked.issued = locked.skipped = locked.failed = 0
    locked.error = ""
    locked.heartbeat_at = locked.finished_at = None
    locked.save(
        update_fields=["status", "total", "issued", "skipped", "failed", "error", "heartbeat_at", "finished_at"]
    )
    _queue(locked)
    return locked
