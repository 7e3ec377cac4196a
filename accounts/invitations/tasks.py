"""Thin Celery tasks for invitation e-mails; services queue them through the outbox."""

from celery import shared_task

from ..models import Membership
from .emails import invitation_email_send, role_added_email_send
from .models import Invitation


@shared_task(name="accounts.invitations.send_invitation")
def send_invitation(invitation_id: int, link_version: str) -> None:
    # A re-send or a revocation since this was queued: the link it would carry is dead, so nothing to send.
    invitation = (
        Invitation.objects.pending()
        .select_related("school", "company", "invited_by")
        .filter(pk=invitation_id, link_version=link_version)
        .first()
    )
    if invitation is not None:
        invitation_email_send(invitation=invitation)


@shared_task(name="accounts.invitations.send_role_added")
def send_role_added(membership_id: int) -> None:
    membership = (
        Membership.objects.select_related("user", "school", "company")
        .filter(pk=membership_id, ended_at__isnull=True, user__is_active=True)
        .first()
    )
    if membership is not None:
        role_added_email_send(membership=membership)
