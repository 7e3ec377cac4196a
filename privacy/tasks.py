"""Retention's daily run: Celery beat starts `queue_retention`, which puts one entry per school in the outbox (by
its key, once a day), so a failed run is tried again by the outbox's relay."""

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from core.outbox import enqueue

from . import retention


@shared_task(name="privacy.tasks.apply_retention")
def apply_retention(school_id: int) -> dict[str, int]:
    school = retention.schools_to_run().filter(pk=school_id).first()
    if school is None:  # switched off since it was queued
        return {"coaching": 0, "personal": 0}
    result = retention.apply(school)
    return {"coaching": result.coaching, "personal": result.personal}


@shared_task(name="privacy.tasks.queue_retention")
def queue_retention() -> int:
    today = timezone.localdate().isoformat()
    schools = list(retention.schools_to_run().values_list("pk", flat=True))
    with transaction.atomic():
        for school_id in schools:
            enqueue(apply_retention, school_id, key=f"retention:{school_id}:{today}")
    return len(schools)
