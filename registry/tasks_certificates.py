"""Thin Celery tasks for certificates: they take ids and hand over to a service or an e-mail."""

from celery import shared_task

from core.tasks import MAIL_RETRY

from .emails_certificates import certificate_email_once, expiry_reminder_send, revocation_notice_send
from .models import Certificate, ExpiryReminder
from .services_bulk_issue import bulk_issue_run
from .services_reminders import expiry_reminders_send


@shared_task(**MAIL_RETRY)
def send_certificate_email(certificate_id: int) -> None:
    certificate_email_once(certificate_id=certificate_id)


@shared_task(**MAIL_RETRY)
def send_revocation_notice(certificate_id: int) -> None:
    certificate = Certificate.objects.filter(pk=certificate_id, revoked_at__isnull=False).first()
    if certificate is not None:
        revocation_notice_send(certificate=certificate)


@shared_task(**MAIL_RETRY)
def send_expiry_reminder(reminder_id: int) -> None:
    reminder = ExpiryReminder.objects.select_related("certificate__school").filter(pk=reminder_id).first()
    if reminder is not None and reminder.certificate.revoked_at is None:
        expiry_reminder_send(reminder=reminder)


@shared_task
def run_bulk_issue(job_id: int) -> None:
    bulk_issue_run(job_id=job_id)


@shared_task
def send_expiry_reminders() -> int:
    """Daily (beat): decide which reminders are due and queue one e-mail task per certificate."""
    return expiry_reminders_send()
