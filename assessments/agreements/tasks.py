"""Thin Celery tasks of the placement agreement: they take ids, load the rows and hand over to the e-mails."""

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from ..models import AgreementSignature, PlacementAgreement
from .emails import agreement_pdf_send, signature_request_send


def _pending(signature_id: int) -> AgreementSignature | None:
    """The party's signature while it still waits on an agreement waiting for signatures; None otherwise."""
    return (
        AgreementSignature.objects.filter(
            pk=signature_id, signed_at__isnull=True, agreement__status=PlacementAgreement.Status.AWAITING
        )
        .select_related("user", "agreement__placement__learner")
        .first()
    )


@shared_task(name="assessments.tasks_agreements.send_agreement_signature_request")
def send_agreement_signature_request(signature_id: int) -> bool:
    signature = _pending(signature_id)
    return signature is not None and signature_request_send(signature=signature)


@shared_task(name="assessments.tasks_agreements.send_agreement_signature_reminder")
def send_agreement_signature_reminder(signature_id: int) -> bool:
    signature = _pending(signature_id)
    return signature is not None and signature_request_send(signature=signature, reminder=True)


@shared_task(name="assessments.tasks_agreements.send_agreement_pdf")
def send_agreement_pdf(agreement_id: int) -> None:
    """E-mail a signed agreement's PDF to its signers, once (claimed like the assessment record's PDF)."""
    with transaction.atomic():
        claimed = PlacementAgreement.objects.filter(
            pk=agreement_id, status=PlacementAgreement.Status.SIGNED, pdf_sent_at__isnull=True
        ).update(pdf_sent_at=timezone.now())
        if claimed:
            agreement_pdf_send(agreement=PlacementAgreement.objects.select_related("placement").get(pk=agreement_id))
