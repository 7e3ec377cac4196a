"""Thin Celery tasks of the sign-off: they take ids, load the rows and hand over to the e-mail.

The periodic reminder scan and its beat task are in reminders.py.
"""

from celery import shared_task

from ..models import AssessmentRecord, Signature
from .emails import signature_reminder_send, signature_request_send


def _pending(signature_id: int) -> Signature | None:
    """The signature while it still waits to be signed on a record waiting for signatures; None otherwise."""
    return (
        Signature.objects.filter(
            pk=signature_id, signed_at__isnull=True, record__status=AssessmentRecord.Status.AWAITING
        )
        .select_related("user", "record__subject", "record__placement__company", "record__enrolment__course")
        .first()
    )


@shared_task(name="assessments.tasks_signatures.send_signature_request")
def send_signature_request(signature_id: int) -> bool:
    signature = _pending(signature_id)
    return signature is not None and signature_request_send(signature=signature)


@shared_task(name="assessments.tasks_signatures.send_signature_reminder")
def send_signature_reminder(signature_id: int) -> bool:
    signature = _pending(signature_id)
    return signature is not None and signature_reminder_send(signature=signature)
