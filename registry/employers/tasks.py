"""Thin Celery task: the employer invitation e-mail, queued through the outbox."""

from celery import shared_task

from ..models import EmployerInvitation
from .emails import employer_invitation_email_send


@shared_task(name="registry.employers.send_employer_invitation")
def send_employer_invitation(invitation_id: int, link_version: str) -> None:
    # Revoked or replaced since this was queued: the link it would carry is dead, so nothing to send.
    invitation = (
        EmployerInvitation.objects.usable()
        .select_related("course__school", "course__teacher", "company", "invited_by")
        .filter(pk=invitation_id, link_version=link_version)
        .first()
    )
    if invitation is not None:
        employer_invitation_email_send(invitation=invitation)
