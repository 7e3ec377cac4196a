"""Run outbox entries: claim one so that no two runners hold it, run its task, record what happened.

An entry is due when it waits and its time has come, or when whoever held it let its lease run out (a worker
that was killed). A failure is retried after OUTBOX_RETRY_DELAYS (minutes, then hours); when they run out the
entry is parked as failed, for staff to see and send again.
"""

import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta

from celery import current_app
from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from .mail import current_entry_id
from .models import OutboxEntry

logger = logging.getLogger(__name__)
Status = OutboxEntry.Status


def _lease() -> timedelta:
    return timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)


def due(now=None) -> Q:
    now = now or timezone.now()
    return Q(status=Status.PENDING, next_attempt_at__lte=now) | Q(status=Status.SENDING, lease_until__lt=now)


def claim(entry_id: int) -> OutboxEntry | None:
    """Take the entry if it is due; None when it is not (sent, failed, not yet time, or held by another runner)."""
    now = timezone.now()
    taken = OutboxEntry.objects.filter(due(now), pk=entry_id).update(
        status=Status.SENDING, lease_until=now + _lease(), attempts=F("attempts") + 1
    )
    return OutboxEntry.objects.get(pk=entry_id) if taken else None


def heartbeat() -> None:
    """A long task says it is still alive: its entry stays held for another lease."""
    entry_id = current_entry_id.get()
    if entry_id is not None:
        OutboxEntry.objects.filter(pk=entry_id, status=Status.SENDING).update(lease_until=timezone.now() + _lease())


def _record_success(entry: OutboxEntry) -> None:
    OutboxEntry.objects.filter(pk=entry.pk, status=Status.SENDING).update(
        status=Status.SENT, sent_at=timezone.now(), lease_until=None, last_error=""
    )


def _record_failure(entry: OutboxEntry, error: Exception) -> str:
    delays = settings.OUTBOX_RETRY_DELAYS
    reason = f"{error.__class__.__name__}: {error}"[:2000]
    if entry.attempts > len(delays):
        status, next_attempt_at = Status.FAILED, entry.next_attempt_at
    else:
        status, next_attempt_at = Status.PENDING, timezone.now() + timedelta(seconds=delays[entry.attempts - 1])
    OutboxEntry.objects.filter(pk=entry.pk, status=Status.SENDING).update(
        status=status, next_attempt_at=next_attempt_at, lease_until=None, last_error=reason
    )
    return status


def run(entry_id: int) -> str | None:
    """Run one entry if it is due; the status it ends in, or None when it was not ours to run."""
    entry = claim(entry_id)
    if entry is None:
        return None
    token = current_entry_id.set(entry.pk)
    try:
        task = current_app.tasks[entry.task_name]
        task(*entry.args, **entry.kwargs)
    except Exception as error:  # noqa: BLE001 - whatever went wrong, the entry is kept and tried again
        logger.warning(
            "Outbox entry %s (%s) failed on attempt %s: %s", entry.pk, entry.task_name, entry.attempts, error
        )
        return _record_failure(entry, error)
    finally:
        current_entry_id.reset(token)
    _record_success(entry)
    return Status.SENT


@dataclass
class RelayReport:
    outcomes: dict[str, int] = field(default_factory=dict)

    def count(self, outcome: str | None) -> None:
        if outcome is not None:
            self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1

    def __str__(self):
        return ", ".join(f"{status} {number}" for status, number in sorted(self.outcomes.items())) or "nothing due"


def relay_due(*, limit: int | None = None, seconds: float | None = None) -> RelayReport:
    """Run what is due, oldest first: after a broker outage, a worker crash or a mail server that refused."""
    report = RelayReport()
    started = time.monotonic()
    ids = OutboxEntry.objects.filter(due()).order_by("next_attempt_at", "pk").values_list("pk", flat=True)
    for entry_id in list(ids[:limit] if limit else ids):
        if seconds is not None and time.monotonic() - started > seconds:
            break
        report.count(run(entry_id))
    return report
