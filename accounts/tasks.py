from celery import shared_task

from .emails import password_reset_email_send
from .models import User
from .two_factor.tasks import send_two_factor_reset  # noqa: F401 - registered for the worker (queued by the outbox)


@shared_task
def send_password_reset_email(user_id: int, domain: str, protocol: str) -> None:
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is not None:
        password_reset_email_send(user=user, domain=domain, protocol=protocol)
