"""Queueing the weekly digest: one outbox entry per ISO week (its key), so a second run in the week finds it.

Celery beat (oversight/digest/schedule.py) or manage.py send_weekly_digest call `queue_weekly`; the entry's task
runs oversight/digest/delivery.py, which writes to each person once per week.
"""

from django.db import transaction
from django.utils import timezone

from core.outbox.enqueue import enqueue

from .collect import iso_week
from .tasks import send_weekly


def queue_weekly(*, now=None) -> str:
    """Queue this week's digest (once: a second call in the same week finds the entry); returns the week."""
    week = iso_week(timezone.localdate(now))
    with transaction.atomic():
        enqueue(send_weekly, week, key=f"oversight.digest:{week}")
    return week
