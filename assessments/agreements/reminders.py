"""Reminders to sign a placement agreement: every N days to each party that has not signed yet.

The same rhythm and the same claim as the assessment record's reminders (ASSESSMENT_SIGNATURE_REMINDER_DAYS,
assessments/signatures/reminders.py): a party is reminded N days after the request or the last reminder, once
per round however often the scan runs. Each reminder is an outbox entry, as the requests are.
"""

from datetime import datetime

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from core.outbox import enqueue_many

from ..models import AgreementSignature, PlacementAgreement
from ..signatures.reminders import claim_due_reminders, reminder_days
from .tasks import send_agreement_signature_reminder


@transaction.atomic
def agreement_reminders_queue(*, now: datetime | None = None) -> int:
    """Queue one reminder per party whose signature on an agreement waiting for signatures is due."""
    claimed = claim_due_reminders(
        AgreementSignature, PlacementAgreement, "agreement_id", now or timezone.now(), reminder_days()
    )
    enqueue_many(send_agreement_signature_reminder, [(signature_id,) for signature_id in claimed])
    return len(claimed)


@shared_task(name="assessments.tasks_agreements.send_agreement_signature_reminders")
def send_agreement_signature_reminders() -> int:
    """Periodically (beat): queue the reminders that are due."""
    return agreement_reminders_queue()
