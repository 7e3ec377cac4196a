"""Options shared by the apps' Celery tasks (this module defines no tasks)."""

from smtplib import SMTPException

# What a failing mail server raises: an SMTP error, or a refused or dropped connection.
MAIL_ERRORS = (SMTPException, OSError)

# Every task that sends e-mail: `@shared_task(**MAIL_RETRY)`. A mail error is retried six times with
# exponential backoff (with jitter, at most ten minutes apart).
MAIL_RETRY = {
    "autoretry_for": MAIL_ERRORS,
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "max_retries": 6,
}
