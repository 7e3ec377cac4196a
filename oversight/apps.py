from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    name = "oversight"
    verbose_name = _("Placement oversight")

    def ready(self):
        # Celery's autodiscovery looks for oversight/tasks.py only; the health tasks live in their sub-package.
        from .health import tasks as health_tasks  # noqa: F401
        from .health import triggers

        triggers.connect()
