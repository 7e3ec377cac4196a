"""Uploaded import files are not kept forever: the learners' personal data in a school's export go once the file
has served its purpose. Only the file's bytes go; the import's record (who, when, counts, every row's outcome and
so its result file) stays.

- an upload never imported: after settings.IMPORT_UPLOAD_DAYS (7) days from its upload; its page then says the
  file was removed, and the import steps refuse it (steps.require_editable): upload it again;
- an imported one: after settings.IMPORT_RESULT_FILE_DAYS (30) days from its import (the import itself already
  clears it; this catches any kept before that rule).

A run still in progress (a sign of life within BULK_JOB_STALLED_SECONDS) is left alone. Run daily by Celery beat,
through the outbox (cleanup_tasks.py), or by `manage.py clean_import_uploads`. A few queries, whatever the number
of imports: the files are never read.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

from ..models import ImportBatch

Status = ImportBatch.Status
# Stored as the error of the import, in the uploader's language (the page shows it as stored).
REMOVED = gettext_noop(
    "The uploaded file was removed because it was not imported within the time allowed. Upload the export again."
)


def upload_days() -> int:
    return getattr(settings, "IMPORT_UPLOAD_DAYS", 7)


def result_file_days() -> int:
    return getattr(settings, "IMPORT_RESULT_FILE_DAYS", 30)


@dataclass(frozen=True)
class Cleaned:
    never_applied: int
    applied: int


def clean_up_uploads(*, now: datetime | None = None) -> Cleaned:
    now = now or timezone.now()
    with_file = ImportBatch.objects.exclude(content=b"")
    alive = now - timedelta(seconds=settings.BULK_JOB_STALLED_SECONDS)
    running = with_file.annotate(last_sign=Coalesce("heartbeat_at", "queued_at", "created_at")).filter(
        status__in=ImportBatch.RUNNING, last_sign__gte=alive
    )
    stale = (
        with_file.exclude(status=Status.APPLIED)
        .filter(created_at__lt=now - timedelta(days=upload_days()))
        .exclude(pk__in=running.values("pk"))
    )
    # The page shows the error as stored: in the language of the person who uploaded the file.
    by_language = defaultdict(list)
    for pk, language in stale.values_list("pk", "uploaded_by__language"):
        by_language[language or settings.LANGUAGE_CODE].append(pk)
    never_applied = 0
    for language, pks in by_language.items():
        with translation.override(language):
            message = gettext(REMOVED)
        never_applied += with_file.filter(pk__in=pks).update(content=b"", error=message)
    applied = with_file.filter(
        Q(status=Status.APPLIED), Q(finished_at__lt=now - timedelta(days=result_file_days()))
    ).update(content=b"")
    return Cleaned(never_applied, applied)
