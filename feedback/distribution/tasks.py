"""Thin Celery tasks that deliver survey e-mails; they run from the outbox (feedback/distribution/scan.py)."""

from celery import shared_task

from . import delivery


@shared_task(name="feedback.send_survey_invitation")
def send_survey_invitation(invitation_id: int) -> bool:
    return delivery.send_invitation(invitation_id)


@shared_task(name="feedback.send_survey_reminder")
def send_survey_reminder(invitation_id: int) -> bool:
    return delivery.send_reminder(invitation_id)
