from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = _("Feedback and close-out")

    def ready(self):
        # Celery's autodiscovery imports feedback/tasks.py only; the delivery tasks live in their sub-domain.
        from .closeout import tasks as closeout_tasks  # noqa: F401
        from .distribution import tasks  # noqa: F401
        from .results.register import provide_company_satisfaction

        # The companies register (registry, a layer below) shows each company's satisfaction when feedback is
        # installed, the way assessments gives the goal form its competencies.
        provide_company_satisfaction()
