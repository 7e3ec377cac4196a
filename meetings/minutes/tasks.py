"""Thin Celery tasks of the minutes: they take ids, load the rows and hand over to the e-mail."""

from celery import shared_task

from ..models import Minutes, MinutesConfirmation, Participant
from .emails import minutes_confirmation_request_send


@shared_task(name="meetings.tasks_minutes.send_minutes_confirmation_request")
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
