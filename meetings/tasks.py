"""The beat task of the meetings app: `scan_reminders` runs every five minutes (CELERY_BEAT_SCHEDULE).

The scan (meetings/reminders/scan.py) records what is due and queues `deliver_reminders` batches and
`deliver_alert` (meetings/reminders/tasks.py). Exactly-once lives in meetings/reminders/delivery.py
(row lock + sent_at), so a duplicate or retried task is harmless. The sub-packages' task modules are
registered from MeetingsConfig.ready, since Celery's autodiscovery imports only `meetings.tasks`.
"""

from celery import shared_task

from .reminders import scan


@shared_task
def scan_reminders() -> dict[str, int]:
    """Every five minutes (beat): record the reminders and alerts that are due and queue their delivery."""
    return scan.scan()
