"""Thin Celery task of the assessment documents: it takes an id, claims the record and hands over to the e-mail."""

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from ..models import AssessmentRecord
from ..selectors import records_for_pages
from .emails import record_pdf_send


@shared_task(name="assessments.tasks_documents.send_record_pdf")
def send_record_pdf(record_id: int) -> None:
    """E-mail a signed record's PDF to its signers, once.

    The conditional UPDATE claims the record: of two runs at the same time one wins, the other finds
    pdf_sent_at set and does nothing. The claim is in the transaction that sends, so an SMTP error rolls it
    back and the retry sends again (a signer may then get the e-mail twice; never none).
    """
    with transaction.atomic():
        claimed = AssessmentRecord.objects.filter(
            pk=record_id, status=AssessmentRecord.Status.SIGNED, pdf_sent_at__isnull=True
        ).update(pdf_sent_at=timezone.now())
        if not claimed:
            return
        record = records_for_pages().get(pk=record_id)
        record_pdf_send(record=record)
