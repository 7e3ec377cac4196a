"""Queue Celery tasks after the surrounding transaction commits, and never fail a web request over it."""

import logging
from functools import partial

from django.db import transaction

logger = logging.getLogger(__name__)


def _send(task, args, kwargs):
    try:
        task.apply_async(args=args, kwargs=kwargs, retry=False)
    except Exception:  # the broker being down must not turn a saved change into an error page
        logger.exception("Could not queue %s; it will not run until queued again.", task.name)


def enqueue_on_commit(task, *args, **kwargs) -> None:
    transaction.on_commit(partial(_send, task, args, kwargs))
