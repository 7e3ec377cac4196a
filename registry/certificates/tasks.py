"""Thin Celery tasks that e-mail about certificates: services queue them; they take ids and hand over to an e-mail.

The tasks that run a service (bulk issue, the expiry scan) are in registry/certificates/job_tasks.py.
"""

from celery import shared_task

from ..models import Certificate, ExpiryReminder
from .emails import certificate_email_once, expiry_reminder_send, revocation_notice_send


@shared_task(name="registry.tasks_certificates.send_certificate_email")
def send_certificate_email(certificate_id: int) -> None:
    certificate_email_once(certificate_id=certificate_id)


@shared_task(name="registry.tasks_certificates.send_revocation_notice")
def send_revocation_notice(certificate_id: int) -> None:
    certificate = Certificate.objects.filter(pk=certificate_id, revoked_at__isnull=False).first()
    if certificate is not None:
        revocation_notice_send(certificate=certificate)


@shared_task(name="registry.tasks_certificates.send_expiry_reminder")
def send_expiry_reminder(reminder_id: int) -> None:
    reminder = ExpiryReminder.objects.select_related("certificate__school").filter(pk=reminder_id).first()
    if reminder is not None and reminder.certificate.revoked_at is None:
        expiry_reminder_send(reminder=reminder)
