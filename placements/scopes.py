"""What the placement form and the placement list's filter may offer a user: one definition for the form's
fields (which validate against it) and for the look-up endpoints (which search within it)."""

from accounts.models import Company, Role, School
from accounts.selectors import people_with_role
from core.lookups import Lookup

from .models import Programme
from .selectors import placements_visible_to, programmes_for_schools, schools_where_user_manages_placements


def programme_label(programme) -> str:
    return f"{programme} · {programme.school.short_name or programme.school.name}"


PROGRAMMES = Lookup(
    fields=("name", "code"), label=programme_label, order_by=("name", "school__name", "pk"), select_related=("school",)
)


class PlacementFormScope:
    def __init__(self, user):
        self.school_ids = schools_where_user_manages_placements(user)

    def schools(self):
        return School.objects.all() if self.school_ids is None else School.objects.filter(pk__in=self.school_ids)

    def companies(self):
        return Company.objects.all()

    def learners(self):
        return people_with_role(Role.LEARNER, schools=self.schools())

    def supervisors(self):
        return people_with_role(Role.TEACHER, schools=self.schools())

    def programmes(self):
        return programmes_for_schools(self.school_ids)


def filter_companies(user):
    """The companies of the placements `user` can see."""
    return Company.objects.filter(placements__in=placements_visible_to(user)).distinct()


def filter_programmes(user):
    return Programme.objects.filter(placements__in=placements_visible_to(user)).distinct()
