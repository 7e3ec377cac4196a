from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    name = "placements"
    verbose_name = _("Work placements")

    def ready(self):
        # Single sign-on providers that match accounts by number find learners by their student number.
        from accounts.sso.numbers import register_number_lookup

        from .sso_numbers import learners_with_student_number

        register_number_lookup(learners_with_student_number)

        # A coordinator edits the companies that host (or hosted) their school's learners (accounts/people).
        from accounts.people import hosting

        from .models import Placement

        hosting.provide(lambda school_ids: Placement.objects.filter(school_id__in=school_ids).values("company_id"))
