"""Thin Celery entry points: the minute scan of what writes marked stale, and the full run (hourly, and queued through
the outbox when a school changes its thresholds)."""

from celery import shared_task

from . import compute


@shared_task(name="oversight.health.refresh_stale")
def refresh_stale() -> int:
    return compute.refresh_stale()


@shared_task(name="oversight.health.refresh_all")
def refresh_all() -> int:
    return compute.refresh_all()
