"""Thin Celery tasks of the coaching app: they take ids, load the rows and hand over to a service."""

from smtplib import SMTPException

from celery import shared_task

from .emails import incident_escalation_email_send
from .models import Incident


@shared_task(autoretry_for=(SMTPException, OSError), retry_backoff=True, retry_backoff_max=600, max_retries=6)
def send_incident_escalation(incident_id: int) -> None:
    incident = (
        Incident.objects.filter(pk=incident_id, escalated_at__isnull=False)
        .select_related("placement__learner", "placement__company", "placement__supervisor", "escalated_by")
        .first()
    )
    if incident is not None:
        incident_escalation_email_send(incident=incident)
