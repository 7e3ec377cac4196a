"""The background run that issues a whole course's certificates, one participant at a time, resumable.

The first run of a job writes a BulkIssueItem per completed participant without a certificate. The run then
works through the items still waiting, each in its own transaction (certificate, item outcome, counters and
heartbeat together), so progress shows while it goes on and nothing is done twice: certificate_issue never
issues twice either. A worker that dies leaves the job "running" with an old heartbeat; the outbox runs the task
again once the dead runner's lease has ended (or the teacher clicks "Resume"), and the run carries on with the
items still waiting. Starting a run is registry/certificates/bulk_issue.py.
"""

import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core.outbox import heartbeat

from ..models import BulkIssueItem, BulkIssueJob, Enrolment
from .selectors import bulk_candidates
from .services import NotEligible, certificate_issue

logger = logging.getLogger(__name__)

Status = BulkIssueJob.Status
Outcome = BulkIssueItem.Outcome
COUNTER = {Outcome.ISSUED: "issued", Outcome.SKIPPED: "skipped", Outcome.FAILED: "failed"}


def _claim(job_id: int) -> BulkIssueJob | None:
    """Take a queued job, or a running one whose worker is gone; None when someone is working on it or it ended."""
    with transaction.atomic():
        job = (
            BulkIssueJob.objects.select_for_update(of=("self",))
            .select_related("course", "requested_by")
            .filter(pk=job_id)
            .first()
        )
        if job is None or not (job.status == Status.QUEUED or job.is_stalled()):
            return None
        if not job.items.exists():
            BulkIssueItem.objects.bulk_create(
                BulkIssueItem(job=job, enrolment_id=pk)
                for pk in bulk_candidates(job.course).values_list("pk", flat=True)
            )
            job.total = job.items.count()
        job.status = Status.RUNNING
        job.heartbeat_at = timezone.now()
        job.save(update_fields=["status", "total", "heartbeat_at"])
    return job


def _record(job: BulkIssueJob, item_id: int, outcome: str, reason: str = "") -> None:
    BulkIssueItem.objects.filter(pk=item_id, outcome=Outcome.PENDING).update(
        outcome=outcome, reason=reason, done_at=timezone.now()
    )
    counter = COUNTER[outcome]
    BulkIssueJob.objects.filter(pk=job.pk).update(**{counter: F(counter) + 1}, heartbeat_at=timezone.now())


def _issue_one(job: BulkIssueJob, item_id: int) -> None:
    """Look at one participant; the certificate and the item's outcome commit together."""
    try:
        with transaction.atomic():
            item = BulkIssueItem.objects.select_for_update().filter(pk=item_id, outcome=Outcome.PENDING).first()
            if item is None:  # another runner of this job got there first
                return
            try:
                _certificate, created = certificate_issue(
                    enrolment=Enrolment(pk=item.enrolment_id), issued_by=job.requested_by
                )
            except NotEligible as missing:
                _record(job, item_id, Outcome.SKIPPED, "; ".join(str(reason) for reason in missing.missing))
                return
            _record(job, item_id, Outcome.ISSUED if created else Outcome.SKIPPED)
    except Exception as exc:  # noqa: BLE001 - one participant's failure is recorded; the others still get theirs
        logger.exception("Bulk issue %s: enrolment of item %s failed", job.public_id, item_id)
        _record(job, item_id, Outcome.FAILED, f"{type(exc).__name__}: {exc}"[:2000])


def bulk_issue_run(*, job_id: int) -> None:
    """Issue for every participant still waiting; a second delivery of the task while it runs does nothing."""
    job = _claim(job_id)
    if job is None:
        return
    for item_id in list(job.items.filter(outcome=Outcome.PENDING).values_list("pk", flat=True)):
        _issue_one(job, item_id)
        heartbeat()  # the outbox entry stays ours while we make progress
    # Failed when a participant could not be issued because of an error (their reasons are on the job's page).
    failed = job.items.filter(outcome=Outcome.FAILED).exists()
    BulkIssueJob.objects.filter(pk=job.pk).update(
        status=Status.FAILED if failed else Status.DONE, finished_at=timezone.now()
    )
