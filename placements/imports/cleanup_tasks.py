"""The daily clean-up of uploaded import files (cleanup.py): Celery beat starts `queue_upload_cleanup`, which puts
the clean-up in the outbox (one entry a day, by its key), so a failed run is tried again by the outbox's relay."""

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from core.outbox import enqueue

from .cleanup import clean_up_uploads


@shared_task(name="placements.imports.clean_up_uploads")
def clean_up_import_uploads() -> dict[str, int]:
    cleaned = clean_up_uploads()
    return {"never_applied": cleaned.never_applied, "applied": cleaned.applied}


@shared_task(name="placements.imports.queue_upload_cleanup")
def queue_upload_cleanup() -> None:
    with transaction.atomic():
        enqueue(clean_up_import_uploads, key=f"import-upload-cleanup:{timezone.localdate().isoformat()}")
