"""Starting an import's dry run and its import: in the request for a small file, by the background job
(placements/imports/job.py, queued through the outbox) for a file of more than BACKGROUND_ROWS rows, so the page
answers at once and shows progress. The steps themselves (upload, columns, plan, write) are in steps.py.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.outbox import enqueue

from ..models import ImportBatch
from .steps import apply_now, check_now, require_editable
from .tasks import run_sis_import

BACKGROUND_ROWS = 500
Status = ImportBatch.Status


def queue_run(batch: ImportBatch, status: str) -> None:
    batch.status = status
    batch.queued_at, batch.started_at, batch.heartbeat_at, batch.finished_at = timezone.now(), None, None, None
    batch.processed, batch.error = 0, ""
    batch.save()
    enqueue(run_sis_import, batch.pk)


@transaction.atomic
def dry_run(batch: ImportBatch) -> ImportBatch:
    """Check every row, writing nothing: now for a small file, by the background job for a large one."""
    batch = ImportBatch.objects.select_for_update().select_related("school").get(pk=batch.pk)
    require_editable(batch)
    if batch.total > BACKGROUND_ROWS:
        queue_run(batch, Status.CHECKING)
    else:
        check_now(batch)
    return batch


def apply(batch: ImportBatch, *, send_invitations: bool) -> ImportBatch:
    """Import the checked file: now for a small one (ImportRefused when a row is in error), else in the
    background (its page then shows the outcome)."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().select_related("school", "uploaded_by").get(pk=batch.pk)
        require_editable(batch)
        if batch.status != Status.CHECKED:
            raise ValidationError(_("Run the dry run first, then import."))
        if batch.has_errors:
            raise ValidationError(_("Correct the rows with an error in the file and upload it again."))
        batch.send_invitations = send_invitations
        if batch.total > BACKGROUND_ROWS:
            queue_run(batch, Status.APPLYING)
            return batch
        batch.save(update_fields=["send_invitations"])
    apply_now(batch)
    return batch
