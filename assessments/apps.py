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

        # The placement agreement's rules on placements (which sit below and cannot import them): a school may
        # require a signed agreement before a placement becomes active, and an edit of a placement's period or
        # company after signing makes an addendum. Importing the services also registers their Celery tasks.
        from placements.services import activation_guard_add, change_listener_add

        from .agreements.services import activation_refusal, placement_changed

        activation_guard_add(activation_refusal)
        change_listener_add(placement_changed)
