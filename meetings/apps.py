from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Tripartite meetings")

    def ready(self):
        # Celery's autodiscovery looks for meetings/tasks.py only; the other tasks live in their sub-domain.
        from .minutes import tasks as minutes_tasks  # noqa: F401
        from .planning import tasks as planning_tasks  # noqa: F401
        from .reminders import tasks as reminders_tasks  # noqa: F401
