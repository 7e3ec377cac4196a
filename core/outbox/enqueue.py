"""Write an outbox entry in the current transaction; after the commit, hand it to a worker straight away."""

import logging
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import OutboxEntry

logger = logging.getLogger(__name__)
Status = OutboxEntry.Status


def enqueue(task, *args, key: str = "", **kwargs) -> OutboxEntry:
    """Run `task(*args, **kwargs)` once the surrounding transaction commits, and again until it succeeds.

    `key` names the message for a change that may be made twice (a retried request): a second entry with the
    same key is not written. Without a key every call is a message of its own.
    """
    fields = {"task_name": task.name, "args": list(args), "kwargs": kwargs}
    if key:
        try:
            with transaction.atomic():
                entry = OutboxEntry.objects.create(key=key, **fields)
        except IntegrityError:
            return OutboxEntry.objects.get(key=key)
    else:
        entry = OutboxEntry.objects.create(**fields)
    transaction.on_commit(partial(kick, entry.pk))
    return entry


def enqueue_many(task, calls: list[tuple]) -> list[OutboxEntry]:
    """`enqueue(task, *args)` for each tuple of `calls`, written in one query (a scan that queues many)."""
    entries = OutboxEntry.objects.bulk_create(
        [OutboxEntry(task_name=task.name, args=list(args), kwargs={}) for args in calls]
    )
    for entry in entries:
        transaction.on_commit(partial(kick, entry.pk))
    return entries


def kick(entry_id: int) -> None:
    """Ask a worker to run the entry now. If the broker is down, the relay's scan runs it later."""
    from .tasks import deliver_entry

    try:
        deliver_entry.apply_async(args=[entry_id], retry=False)
    except Exception:  # noqa: BLE001 - the entry is safe in the database; a broker outage must not fail a request
        logger.warning("Could not hand outbox entry %s to a worker now; the relay's scan will run it.", entry_id)


def send_again(entry: OutboxEntry) -> None:
    """Staff send a parked entry again: from the first retry delay, as if it were new."""
    OutboxEntry.objects.filter(pk=entry.pk, status__in=[Status.FAILED, Status.PENDING]).update(
        status=Status.PENDING, attempts=0, next_attempt_at=timezone.now(), lease_until=None
    )
    transaction.on_commit(lambda: kick(entry.pk))
