"""The outbox's two Celery tasks: run one entry now (after its commit), and the periodic scan for what is due."""

from celery import shared_task
from django.conf import settings

from .relay import relay_due, run


@shared_task(name="core.outbox.deliver_entry")
def deliver_entry(entry_id: int) -> str | None:
    return run(entry_id)


@shared_task(name="core.outbox.relay_due")
def relay_outbox() -> str:
    return str(relay_due(limit=settings.OUTBOX_RELAY_BATCH, seconds=settings.OUTBOX_RELAY_SECONDS))
