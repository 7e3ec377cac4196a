"""Uploaded import files are removed once they have served: never imported after IMPORT_UPLOAD_DAYS, imported
after IMPORT_RESULT_FILE_DAYS; the imports' records and row outcomes stay. Started daily by beat through the
outbox, or by the management command; a removed file cannot be dry-run or imported any more."""

from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from core.outbox.models import OutboxEntry
from placements.imports.cleanup import clean_up_uploads
from placements.imports.cleanup_tasks import queue_upload_cleanup
from placements.imports.services import apply, dry_run
from placements.models import ImportBatch
from tests.placements.factories_imports import checked, learner_csv

Status = ImportBatch.Status


def _batch(world, days_old: int, *, number: str = "100500", **fields) -> ImportBatch:
    batch = checked(world, "learners.csv", learner_csv([f"{number};Zoë;;Bakker;zoe{number}@example.org;;;"]))
    fields.setdefault("created_at", timezone.now() - timedelta(days=days_old))
    ImportBatch.objects.filter(pk=batch.pk).update(**fields)
    return batch


def _content(batch) -> bytes:
    return bytes(ImportBatch.objects.values_list("content", flat=True).get(pk=batch.pk))


def test_files_never_imported_go_after_the_set_days_and_the_record_stays(world, settings):
    settings.IMPORT_UPLOAD_DAYS = 7
    world.coordinator.language = "nl"
    world.coordinator.save()
    old, recent = _batch(world, 8), _batch(world, 6, number="100501")
    results_before = ImportBatch.objects.get(pk=old.pk).results

    assert clean_up_uploads().never_applied == 1
    old.refresh_from_db()
    assert _content(old) == b"" and _content(recent) != b""
    assert old.status == Status.CHECKED and old.results == results_before and old.total == 1
    assert "bestand" in old.error  # in the uploader's language, shown on the import's page
    # The removed file cannot be checked or imported any more; the page says to upload it again.
    with pytest.raises(ValidationError):
        apply(old, send_invitations=False)
    with pytest.raises(ValidationError):
        dry_run(old)
    assert clean_up_uploads().never_applied == 0  # nothing left to do: run it as often as you like


def test_imported_files_go_after_the_result_file_period(world, settings):
    settings.IMPORT_RESULT_FILE_DAYS = 30
    now = timezone.now()
    # Imported before the import itself cleared its file (the cleanup catches those).
    old = _batch(world, 40, status=Status.APPLIED, finished_at=now - timedelta(days=31))
    recent = _batch(world, 40, number="100501", status=Status.APPLIED, finished_at=now - timedelta(days=2))
    cleaned = clean_up_uploads()
    assert (cleaned.never_applied, cleaned.applied) == (0, 1)
    assert _content(old) == b"" and _content(recent) != b""
    old.refresh_from_db()
    assert old.status == Status.APPLIED and old.error == "" and old.results


def test_a_run_in_progress_is_left_alone_unless_it_has_stalled(world):
    now = timezone.now()
    alive = _batch(world, 9, status=Status.APPLYING, queued_at=now, heartbeat_at=now)
    stalled_since = now - timedelta(seconds=settings.BULK_JOB_STALLED_SECONDS + 60)
    stalled = _batch(world, 9, number="100501", status=Status.CHECKING, queued_at=stalled_since)
    assert clean_up_uploads().never_applied == 1
    assert _content(alive) != b"" and _content(stalled) == b""


def test_beat_queues_one_cleanup_a_day_through_the_outbox(world, django_capture_on_commit_callbacks, tasks_in_process):
    old = _batch(world, 8)
    with django_capture_on_commit_callbacks(execute=True):
        queue_upload_cleanup()
        queue_upload_cleanup()  # beat ran twice: still one entry for the day
    (entry,) = OutboxEntry.objects.filter(task_name="placements.imports.clean_up_uploads")
    assert entry.key.startswith("import-upload-cleanup:")
    assert _content(old) == b""


def test_the_management_command(world):
    old = _batch(world, 8)
    out = StringIO()
    call_command("clean_import_uploads", stdout=out)
    assert "1 never imported" in out.getvalue() and _content(old) == b""
