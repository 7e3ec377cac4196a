"""Thin Celery entry point of the weekly digest's sending; the outbox runs it (queued by services.queue_weekly)."""

from celery import shared_task

from . import delivery


@shared_task(name="oversight.digest.send_weekly")
def send_weekly(week: str) -> int:
    # `week` names the entry (its key); a late run sends the digest of the week it runs in, to whoever lacks it.
    return delivery.send_weekly()
