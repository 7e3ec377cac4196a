"""Celery's autodiscovery imports `<app>.tasks`; the assessments' tasks live in modules per feature."""

from .documents.tasks import send_record_pdf  # noqa: F401
from .growth.tasks import send_feedback_request  # noqa: F401
from .signatures.reminders import send_signature_reminders  # noqa: F401
from .signatures.tasks import send_signature_reminder, send_signature_request  # noqa: F401
