"""The background run of a large import (more than services.BACKGROUND_ROWS rows), started from the outbox.

A dry run checks the rows and records each one's outcome, reporting progress (rows looked at) and a heartbeat
as it goes. Applying checks the rows the same way first (with progress; a row in error ends it there, nothing
written), then checks and writes them again inside one transaction, so what is written is what the rules allow
at that moment. A worker that dies leaves the run "in progress" with an old heartbeat: the outbox runs the task
again once the dead runner's lease has ended (or the coordinator clicks "Resume"), and the run starts over; an
import is all or nothing, so there is nothing half-done to resume from.
"""

import logging

from django.db import transaction
from django.utils import timezone

from core.outbox import heartbeat

from ..models import ImportBatch
from .steps import ImportRefused, apply_now, plan_batch, record_plan, refusal_message, table_of

logger = logging.getLogger(__name__)
Status = ImportBatch.Status


def _claim(batch_id: int) -> ImportBatch | None:
    """Take a queued run, or one whose worker is gone; None when someone is working on it or it has ended."""
    with transaction.atomic():
        batch = (
            ImportBatch.objects.select_for_update(of=("self",))
            .select_related("school", "uploaded_by")
            .filter(pk=batch_id)
            .first()
        )
        if batch is None or not batch.is_running or (batch.started_at is not None and not batch.is_stalled()):
            return None
        batch.started_at = batch.heartbeat_at = timezone.now()
        batch.processed = 0
        batch.save(update_fields=["started_at", "heartbeat_at", "processed"])
    return batch


def _progress(batch: ImportBatch):
    def report(done: int) -> None:
        ImportBatch.objects.filter(pk=batch.pk).update(processed=done, heartbeat_at=timezone.now())
        heartbeat()  # the outbox entry stays ours while we make progress

    return report


def import_run(*, batch_id: int) -> None:
    batch = _claim(batch_id)
    if batch is None:
        return
    try:
        table = table_of(batch)
        plan = plan_batch(batch, table=table, progress=_progress(batch))
        if batch.status == Status.CHECKING or plan.has_errors:
            error = refusal_message(plan) if batch.status == Status.APPLYING else ""
            record_plan(batch, plan, Status.CHECKED, error=error)
            return
        ImportBatch.objects.filter(pk=batch.pk).update(processed=batch.total, heartbeat_at=timezone.now())
        apply_now(batch, table=table)
    except ImportRefused:
        return  # apply_now recorded every row's outcome and why nothing was imported
    except Exception as exc:  # noqa: BLE001 - the coordinator sees that it failed and why; nothing was written
        logger.exception("Import %s failed", batch.public_id)
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=Status.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000], finished_at=timezone.now()
        )
