"""Thin Celery tasks of the sign-off: they take ids, load the rows and hand over to the e-mail or the scan."""

from celery import shared_task

from core.tasks import MAIL_RETRY

from .emails_signatures import signature_reminder_send, signature_request_send
from .models import AssessmentRecord, Signature


def _pending(signature_id: int) -> Signature | None:
    """The signature while it still waits to be signed on a record waiting for signatures; None otherwise."""
    return (
        Signature.objects.filter(
            pk=signature_id, signed_at__isnull=True, record__status=AssessmentRecord.Status.AWAITING
        )
        .select_related("user", "record__subject", "record__placement__company", "record__enrolment__course")
        .first()
    )


@shared_task(**MAIL_RETRY)
def send_signature_request(signature_id: int) -> bool:
    signature = _pending(signature_id)
    return signature is not None and signature_request_send(signature=signature)


@shared_task(**MAIL_RETRY)
def send_signature_reminder(signature_id: int) -> bool:
    signature = _pending(signature_id)
    return signature is not None and signature_reminder_send(signature=signature)


@shared_task
def send_signature_reminders() -> int:
    """Periodically (beat): queue a reminder for every pending signature whose last one is N days old."""
    # Imported here: the service queues the tasks above, so a module-level import would be circular.
    from .services_signatures import signature_reminders_queue

    return signature_reminders_queue()
