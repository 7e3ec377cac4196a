from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "mentoring"
    verbose_name = _("Coaching")

    def ready(self):
        # Celery's autodiscovery looks for mentoring/tasks.py only; the tasks live in their sub-domain.
        from .critical import tasks as critical_tasks  # noqa: F401
        from .obstacles import tasks  # noqa: F401
