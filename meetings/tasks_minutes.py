"""Thin Celery tasks of the minutes: they take ids, load the rows and hand over to the e-mail."""

from smtplib import SMTPException

from celery import shared_task

from .emails_minutes import minutes_confirmation_request_send
from .models import Minutes, MinutesConfirmation, Participant


@shared_task(autoretry_for=(SMTPException, OSError), retry_backoff=True, retry_backoff_max=600, max_retries=6)
def send_minutes_confirmation_request(minutes_id: int, participant_id: int) -> None:
    minutes = (
        Minutes.objects.filter(pk=minutes_id, status=Minutes.Status.AWAITING)
        .select_related("meeting__placement__learner", "meeting__placement__company", "written_by")
        .first()
    )
    participant = Participant.objects.filter(pk=participant_id).select_related("user", "meeting").first()
    if minutes is None or participant is None or participant.meeting_id != minutes.meeting_id:
        return  # withdrawn or confirmed in the meantime: nothing to ask
    if MinutesConfirmation.objects.filter(minutes=minutes, participant=participant).exists():
        return
    minutes_confirmation_request_send(minutes=minutes, participant=participant)
