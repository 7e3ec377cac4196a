"""Celery beat's entry point of the weekly digest: it queues the week's entry through the outbox."""

from celery import shared_task

from . import services


@shared_task(name="oversight.digest.queue_weekly")
def queue_weekly() -> str:
    return services.queue_weekly()
