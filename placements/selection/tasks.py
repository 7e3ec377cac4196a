"""Thin Celery tasks of the selection: they take ids, load the rows and hand over to the e-mail."""

from celery import shared_task

from ..models import Candidate
from .emails import selection_decision_send


@shared_task(name="placements.tasks_selection.send_selection_decision")
def send_selection_decision(candidate_id: int) -> None:
    candidate = (
        Candidate.objects.filter(pk=candidate_id, status__in=Candidate.DECIDED_STATUSES, decision_sent_at__isnull=True)
        .select_related("learner", "opening__company", "placement__mentor")
        .first()
    )
    if candidate is None:
        return  # told already, or the decision was taken back
    selection_decision_send(candidate=candidate)
