"""Reminders to sign: the periodic (beat) task and the scan it runs.

A signature still waiting on a record waiting for signatures is reminded every N days (setting
ASSESSMENT_SIGNATURE_REMINDER_DAYS), counted from the request or from the last reminder.
The scan queues the per-signature mail task of tasks.py; the services queue the requests the same way.
"""

from datetime import datetime, timedelta

from celery import shared_task
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from core.outbox import enqueue_many

from ..models import AssessmentRecord, Signature
from .tasks import send_signature_reminder

DEFAULT_REMINDER_DAYS = 3


def reminder_days() -> int:
    return max(1, getattr(settings, "ASSESSMENT_SIGNATURE_REMINDER_DAYS", DEFAULT_REMINDER_DAYS))


def claim_due_reminders(signature_model, parent_model, parent_column: str, now: datetime, days: int) -> list[int]:
    """Mark every due reminder as sent now and return the ids of the signatures this call claimed.

    A signature is due while it is unsigned, its parent (the record, the placement agreement) waits for
    signatures, and its last reminder (or the request) is N days old. One conditional UPDATE: setting
    last_reminded_at makes it not due, so two runs at once cannot both claim a row (PostgreSQL re-checks the
    condition on a row another run just updated, and SQLite runs one write at a time).
    """
    signatures, parents = signature_model._meta.db_table, parent_model._meta.db_table
    adapt = connection.ops.adapt_datetimefield_value
    sql = (
        f"UPDATE {signatures} SET last_reminded_at = %s "  # noqa: S608 (names from the models, no user input)
        "WHERE signed_at IS NULL AND COALESCE(last_reminded_at, requested_at) <= %s "
        f"AND {parent_column} IN (SELECT id FROM {parents} WHERE status = %s) RETURNING id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [adapt(now), adapt(now - timedelta(days=days)), parent_model.Status.AWAITING.value])
        return sorted(row[0] for row in cursor.fetchall())


@transaction.atomic
def signature_reminders_queue(*, now: datetime | None = None) -> int:
    """Queue one reminder e-mail per pending signature that is due; returns how many were queued."""
    claimed = claim_due_reminders(Signature, AssessmentRecord, "record_id", now or timezone.now(), reminder_days())
    enqueue_many(send_signature_reminder, [(signature_id,) for signature_id in claimed])
    return len(claimed)


@shared_task(name="assessments.tasks_signatures.send_signature_reminders")
def send_signature_reminders() -> int:
    """Periodically (beat): queue a reminder for every pending signature whose last one is N days old."""
    return signature_reminders_queue()
