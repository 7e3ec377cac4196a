import os

from celery import Celery
from celery.signals import celeryd_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("werkmentor")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@celeryd_init.connect
def use_worker_database_timeouts(**kwargs):
    """A worker's tasks may run longer than a web request: before the worker opens any database connection,
    its PostgreSQL limits become DB_WORKER_STATEMENT_TIMEOUT and DB_WORKER_LOCK_TIMEOUT."""
    from django.conf import settings

    from config.settings import postgres_timeout_options

    database = settings.DATABASES["default"]
    if "options" in database.get("OPTIONS", {}):
        database["OPTIONS"]["options"] = postgres_timeout_options(
            settings.DB_WORKER_STATEMENT_TIMEOUT, settings.DB_WORKER_LOCK_TIMEOUT
        )
