"""Celery tasks of the meetings app: thin, they take ids and hand over to the reminder scan or delivery.

Beat runs `scan_reminders` every five minutes; the scan queues `deliver_reminders` batches and `deliver_alert`.
Exactly-once lives in meetings/delivery.py (row lock + sent_at), so a duplicate or retried task is harmless.
"""

from celery import shared_task

from . import reminders


@shared_task
def scan_reminders() -> dict[str, int]:
    """Every five minutes (beat): record the reminders and alerts that are due and queue their delivery."""
    return reminders.scan()


# Celery's autodiscovery imports only `meetings.tasks`; the other features keep their tasks in their own modules.
from .tasks_meetings import send_invitation  # noqa: E402, F401
from .tasks_minutes import send_minutes_confirmation_request  # noqa: E402, F401
from .tasks_reminders import deliver_alert, deliver_reminder, deliver_reminders  # noqa: E402, F401
