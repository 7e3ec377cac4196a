"""Thin Celery tasks that run a certificate service: the bulk issue run and the daily expiry-reminder scan.

They keep the names they had in registry.tasks_certificates (queued messages and the beat schedule carry
them). The e-mails these services queue are the tasks in registry/certificates/tasks.py.
"""

from celery import shared_task

from .bulk_run import bulk_issue_run
from .reminders import expiry_reminders_send


@shared_task(name="registry.tasks_certificates.run_bulk_issue")
def run_bulk_issue(job_id: int) -> None:
    bulk_issue_run(job_id=job_id)


@shared_task(name="registry.tasks_certificates.send_expiry_reminders")
def send_expiry_reminders() -> int:
    """Daily (beat): decide which reminders are due and queue one e-mail task per certificate."""
    return expiry_reminders_send()
