"""Thin Celery task of the mentor's feedback requests: it takes an id and hands over to the e-mail."""

from celery import shared_task

from ..models import FeedbackRequest
from .emails import feedback_request_email_send


@shared_task(name="assessments.tasks_growth.send_feedback_request")
def send_feedback_request(request_id: int) -> bool:
    request = FeedbackRequest.objects.select_related("mentor").filter(pk=request_id, answered_at__isnull=True).first()
    if request is None:  # withdrawn or answered before the e-mail went out
        return False
    return feedback_request_email_send(request)
