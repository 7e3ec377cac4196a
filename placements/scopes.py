"""What the placement form and the placement list's filter may offer a user: one definition for the form's
fields (which validate against it) and for the look-up endpoints (which search within it)."""

from accounts.models import Company, Membership, Role, School, User
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

    def _people(self, role):
        """people_with_role's set, as a semi-join rather than a join made DISTINCT: the look-up sorts and cuts
        the matches, and a DISTINCT over every user of a role sorted them all first (staff, 50,000 learners)."""
        memberships = Membership.objects.filter(role=role, ended_at__isnull=True)
        if self.school_ids is not None:
            memberships = memberships.filter(school__in=self.school_ids)
        return User.objects.filter(is_active=True, pk__in=memberships.values("user_id"))

    def learners(self):
        return self._people(Role.LEARNER)

    def supervisors(self):
        return self._people(Role.TEACHER)

    def programmes(self):
        return programmes_for_schools(self.school_ids)


def filter_companies(user):
    """The companies of the placements `user` can see."""
    return Company.objects.filter(placements__in=placements_visible_to(user)).distinct()


def filter_programmes(user):
    return Programme.objects.filter(placements__in=placements_visible_to(user)).distinct()
