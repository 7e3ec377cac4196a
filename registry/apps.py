from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "registry"
    verbose_name = _("Register of work mentors")

    def ready(self):
        from django.db.backends.signals import connection_created

        # Celery's autodiscovery looks for registry/tasks.py only; the tasks live in their sub-domain.
        from .certificates import job_tasks, tasks  # noqa: F401
        from .courses import tasks as course_tasks  # noqa: F401
        from .register.search import register_sqlite_function

        # SQLite gets the register's search function on every connection (PostgreSQL from a migration).
        connection_created.connect(register_sqlite_function, dispatch_uid="registry_sqlite_fold")
