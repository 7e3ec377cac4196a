"""Thin Celery tasks of meeting planning: they take ids, load the rows and hand over to the e-mail."""

from celery import shared_task

from ..models import Meeting, Participant
from .emails import invitation_email_send
from .ics import METHODS, REQUEST


@shared_task(name="meetings.tasks_meetings.send_invitation")
def send_invitation(meeting_id: int, participant_id: int, method: str) -> bool:
    """E-mail one participant the meeting as it is now, with the .ics (REQUEST or CANCEL) attached."""
    if method not in METHODS:
        return False
    participant = (
        Participant.objects.select_related(
            "user", "meeting__placement__learner", "meeting__placement__company", "meeting__organiser"
        )
        .filter(pk=participant_id, meeting_id=meeting_id)
        .first()
    )
    if participant is None:
        return False
    if method == REQUEST and participant.meeting.status == Meeting.Status.CANCELLED:
        # Cancelled after this was queued: the cancelling invitation, with a higher sequence, replaces it.
        return False
    return invitation_email_send(meeting=participant.meeting, participant=participant, method=method)
