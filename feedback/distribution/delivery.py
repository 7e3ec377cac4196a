"""Send one survey invitation or its reminder: the row is locked and marked in the transaction that sends."""

from django.db import transaction
from django.utils import timezone

from core.outbox.mail import send_once

from ..models import SurveyInvitation
from ..questionnaires.services import mark_sent
from .emails import survey_message


def _locked(invitation_id: int) -> SurveyInvitation | None:
    return (
        SurveyInvitation.objects.select_for_update(of=("self",))
        .select_related("recipient", "version__questionnaire", "placement__company", "course")
        .filter(pk=invitation_id)
        .first()
    )


def send_invitation(invitation_id: int) -> bool:
    with transaction.atomic():
        invitation = _locked(invitation_id)
        if invitation is None or invitation.sent_at is not None or not invitation.recipient.is_active:
            return False
        send_once(survey_message(invitation, reminder=False))
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at"])
        mark_sent(invitation.version)
    return True


def send_reminder(invitation_id: int) -> bool:
    with transaction.atomic():
        invitation = _locked(invitation_id)
        if invitation is None or invitation.answered or invitation.reminded_at is not None:
            return False
        if not invitation.recipient.is_active:
            return False
        send_once(survey_message(invitation, reminder=True))
        invitation.reminded_at = timezone.now()
        invitation.save(update_fields=["reminded_at"])
    return True
