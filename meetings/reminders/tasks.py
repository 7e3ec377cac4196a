"""Thin Celery tasks that deliver what the reminder scan recorded: they take ids and hand over to delivery.

The scan (meetings/reminders/scan.py) queues them; they keep the names they had in meetings.tasks.
Exactly-once lives in meetings/reminders/delivery.py (row lock + sent_at), so a duplicate or retried task is harmless.
"""

import logging

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval

from core.tasks import MAIL_RETRY

from . import delivery

logger = logging.getLogger(__name__)


@shared_task(name="meetings.tasks.deliver_reminder", **MAIL_RETRY)
def deliver_reminder(log_id: int) -> bool:
    return delivery.deliver_reminder(log_id)


@shared_task(name="meetings.tasks.deliver_reminders", bind=True, max_retries=MAIL_RETRY["max_retries"])
def deliver_reminders(self, log_ids: list[int]) -> int:
    """Deliver a batch over one SMTP connection; after a mail error retry only the rest, with backoff."""
    try:
        return delivery.deliver_many(log_ids)
    except delivery.DeliveryInterrupted as exc:
        if self.request.is_eager:  # no worker to retry later: the next scan queues them again after 15 minutes
            logger.warning(
                "%s reminders not delivered (%s); a later scan tries again.", len(exc.remaining), exc.__cause__
            )
            return 0
        countdown = get_exponential_backoff_interval(
            factor=1, retries=self.request.retries, maximum=MAIL_RETRY["retry_backoff_max"], full_jitter=True
        )
        raise self.retry(args=[exc.remaining], exc=exc.__cause__ or exc, countdown=countdown) from exc


@shared_task(name="meetings.tasks.deliver_alert", **MAIL_RETRY)
def deliver_alert(alert_id: int) -> bool:
    return delivery.deliver_alert(alert_id)
