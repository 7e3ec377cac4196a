"""Celery's autodiscovery imports `<app>.tasks`; the assessments' tasks live in modules per feature."""

from .agreements.reminders import send_agreement_signature_reminders  # noqa: F401
from .agreements.tasks import send_agreement_pdf, send_agreement_signature_reminder  # noqa: F401
from .documents.tasks import send_record_pdf  # noqa: F401
from .growth.tasks import send_feedback_request  # noqa: F401
from .signatures.reminders import send_signature_reminders  # noqa: F401
from .signatures.tasks import send_signature_reminder, send_signature_request  # noqa: F401
