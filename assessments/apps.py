from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self):
        # A coaching plan's goals may be linked to the competencies of the placement's framework.
        from mentoring.plans.forms import goal_competencies

        from .plans.selectors import competencies_for_goals

        goal_competencies.provide(competencies_for_goals)
