"""Thin Celery task: the school supervisor hears that a mentor asks support for a critical situation."""

from celery import shared_task

from ..models import CriticalSituation
from .emails import critical_support_email_send


@shared_task(name="mentoring.tasks.send_critical_support_request")
def send_critical_support_request(situation_id: int) -> None:
    situation = (
        CriticalSituation.objects.filter(pk=situation_id, support_requested_at__isnull=False)
        .select_related("placement__learner", "placement__company", "placement__supervisor", "recorded_by")
        .first()
    )
    if situation is not None:
        critical_support_email_send(situation=situation)
