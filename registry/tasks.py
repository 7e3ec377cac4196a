"""Celery's autodiscovery imports `<app>.tasks`; the registry's tasks live in modules per feature."""

from .tasks_certificates import (  # noqa: F401
    run_bulk_issue,
    send_certificate_email,
    send_expiry_reminder,
    send_expiry_reminders,
    send_revocation_notice,
)
from .tasks_courses import send_course_information  # noqa: F401
