from smtplib import SMTPException

from celery import shared_task

from .emails import password_reset_email_send
from .models import User


@shared_task(autoretry_for=(SMTPException, OSError), retry_backoff=True, retry_backoff_max=600, max_retries=6)
def send_password_reset_email(user_id: int, domain: str, protocol: str) -> None:
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is not None:
        password_reset_email_send(user=user, domain=domain, protocol=protocol)
