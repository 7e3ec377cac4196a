"""The beat task of the feedback app: `scan_surveys` runs daily (CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from .distribution import scan


@shared_task(name="feedback.tasks.scan_surveys")
def scan_surveys() -> dict[str, int]:
    """Record the survey invitations that are due, queue their e-mails and the reminders."""
    result = scan.scan()
    return {"invitations": result.invitations, "queued": result.queued, "reminders": result.reminders}
