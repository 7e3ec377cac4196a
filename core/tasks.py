"""What the apps' Celery tasks share (this module defines no tasks).

Mail tasks have no retry policy of their own: they run from the outbox (core/outbox), which retries a failure
after OUTBOX_RETRY_DELAYS and sends each recipient once.
"""

from smtplib import SMTPException

# What a failing mail server raises: an SMTP error, or a refused or dropped connection.
MAIL_ERRORS = (SMTPException, OSError)
