"""Celery's autodiscovery imports `<app>.tasks`; the assessments' tasks live in modules per feature."""

from .tasks_documents import send_record_pdf  # noqa: F401
from .tasks_signatures import send_signature_reminder, send_signature_reminders, send_signature_request  # noqa: F401
