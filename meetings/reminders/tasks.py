"""Thin Celery tasks that deliver what the reminder scan recorded: they take ids and hand over to delivery.

The scan (meetings/reminders/scan.py) queues them; they keep the names they had in meetings.tasks.
Exactly-once lives in meetings/reminders/delivery.py (row lock + sent_at), so a duplicate or retried task is harmless.
"""

import logging

from celery import shared_task

from . import delivery

logger = logging.getLogger(__name__)


@shared_task(name="meetings.tasks.deliver_reminder")
def deliver_reminder(log_id: int) -> bool:
    return delivery.deliver_reminder(log_id)


@shared_task(name="meetings.tasks.deliver_reminders")
def deliver_reminders(log_ids: list[int]) -> int:
    """Deliver a batch over one SMTP connection. After a mail error the outbox runs the batch again later;
    the reminders delivered before the error are skipped then (their sent_at)."""
    try:
        return delivery.deliver_many(log_ids)
    except delivery.DeliveryInterrupted as exc:
        logger.warning(
            "%s reminders not delivered yet (%s); the outbox tries again.", len(exc.remaining), exc.__cause__
        )
        raise exc.__cause__ or exc from None


@shared_task(name="meetings.tasks.deliver_alert")
def deliver_alert(alert_id: int) -> bool:
    return delivery.deliver_alert(alert_id)
