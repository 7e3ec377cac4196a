"""The background run that issues a whole course's certificates, with counters people can watch.

A run looks at the completed enrolments that have no certificate yet and issues one certificate per
enrolment through certificate_issue, which never issues twice. That is why a retry, or a task that
is delivered twice, adds only what is still missing. Starting a run is registry/certificates/bulk_issue.py.
"""

import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..models import BulkIssueJob, Enrolment
from .selectors import bulk_candidates
from .services import NotEligible, certificate_issue

logger = logging.getLogger(__name__)

Status = BulkIssueJob.Status


def _claim(job_id: int) -> BulkIssueJob | None:
    """Move a queued job to running; None when another delivery of the task already took it."""
    with transaction.atomic():
        job = (
            BulkIssueJob.objects.select_for_update(of=("self",))
            .select_related("course", "requested_by")
            .filter(pk=job_id)
            .first()
        )
        if job is None or job.status != Status.QUEUED:
            return None
        job.status = Status.RUNNING
        job.total = bulk_candidates(job.course).count()
        job.save(update_fields=["status", "total"])
    return job


def _count(job: BulkIssueJob, counter: str) -> None:
    BulkIssueJob.objects.filter(pk=job.pk).update(**{counter: F(counter) + 1})


def _finish(job: BulkIssueJob, status: str, error: str = "") -> None:
    BulkIssueJob.objects.filter(pk=job.pk).update(status=status, error=error, finished_at=timezone.now())


def bulk_issue_run(*, job_id: int) -> None:
    """Issue for every candidate, each in its own transaction so progress shows while the run goes on."""
    job = _claim(job_id)
    if job is None:
        return
    try:
        for enrolment_id in list(bulk_candidates(job.course).values_list("pk", flat=True)):
            try:
                _certificate, created = certificate_issue(
                    enrolment=Enrolment(pk=enrolment_id), issued_by=job.requested_by
                )
            except NotEligible:
                created = False
            _count(job, "issued" if created else "skipped")
    except Exception as exc:
        logger.exception("Bulk issue %s failed", job.public_id)
        _finish(job, Status.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000])
        return
    _finish(job, Status.DONE)
