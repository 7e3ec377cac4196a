"""Thin Celery entry points: a refresh after writes (queued through the outbox) and the periodic full run."""

from celery import shared_task

from . import compute


@shared_task(name="oversight.health.refresh_placement")
def refresh_placement(placement_id: int) -> int:
    return compute.refresh_stale([placement_id])


@shared_task(name="oversight.health.refresh_all")
def refresh_all() -> int:
    return compute.refresh_all()
