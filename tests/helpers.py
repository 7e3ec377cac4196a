import time

from django.core import mail


def wait_for_mail(count: int = 1, timeout: float = 15.0) -> list:
    """The outbox once it holds `count` messages; tasks may be running in a worker thread."""
    deadline = time.monotonic() + timeout
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return mail.outbox
