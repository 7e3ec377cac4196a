"""Fixtures of the fault tests (tests/faults/stack.py has the stack itself).

They need PostgreSQL (two processes write the same rows; SQLite's test database lives in memory) and
redis-server. Without them the tests skip, with the reason; on CI (CI=true) that is a failure instead.
"""

import shutil

import pytest
from django.db import connection

from .stack import BULK_STALLED_SECONDS, LEASE_SECONDS, RETRY_DELAYS, FaultStack, need


@pytest.fixture
def fault_stack(transactional_db, settings, tmp_path, record_property):
    need(connection.vendor == "postgresql", "fault tests need PostgreSQL: set DATABASE_URL=postgres://...")
    need(shutil.which("redis-server") is not None, "fault tests need redis-server (Debian package redis-server)")
    from config.celery import app

    saved = {"broker_url": app.conf.broker_url, "task_always_eager": app.conf.task_always_eager}
    stack = FaultStack(tmp_path, settings, record_property)
    settings.OUTBOX_RETRY_DELAYS = RETRY_DELAYS
    settings.OUTBOX_LEASE_SECONDS = LEASE_SECONDS
    settings.BULK_JOB_STALLED_SECONDS = BULK_STALLED_SECONDS
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": stack.sink.port, "timeout": 5},
        }
    }
    stack.sink.up()
    try:
        yield stack
    finally:
        stack.close(saved)
