"""Thin Celery task: the e-mail telling someone their authenticator was reset (queued through the outbox)."""

from celery import shared_task

from .emails import two_factor_reset_email_send
from .models import TwoFactorReset


@shared_task(name="accounts.two_factor.send_two_factor_reset")
def send_two_factor_reset(reset_id: int) -> None:
    reset = TwoFactorReset.objects.select_related("user", "reset_by").filter(pk=reset_id).first()
    if reset is not None and reset.user.is_active:
        two_factor_reset_email_send(reset=reset)
