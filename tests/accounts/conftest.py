import pytest


@pytest.fixture
def task_worker(transactional_db, settings):
    """Run queued tasks for real: a Celery worker on Redis when REDIS_URL is set, in-process otherwise.

    Tasks are queued on commit and a worker thread has its own connection, so rows must really commit:
    hence transactional_db.
    """
    if not settings.REDIS_URL:
        yield None
        return
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    app.control.purge()
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker:
        yield worker
