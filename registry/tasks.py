"""Celery's autodiscovery imports `<app>.tasks`; the registry's tasks live in modules per feature."""

from .tasks_certificate_jobs import run_bulk_issue, send_expiry_reminders  # noqa: F401
from .tasks_certificates import send_certificate_email, send_expiry_reminder, send_revocation_notice  # noqa: F401
from .tasks_courses import send_course_information  # noqa: F401
