"""Who reads which survey results. Results are aggregates only: no page and no export shows one response.

- staff: every group; school teachers and coordinators: their schools' groups, with the open answers (no names);
- a company admin: the groups of their own companies (the company dimension), without open answers;
- a work mentor: only their own mentor group, without open answers — what learners said, never who said it.
Everyone else has no results (404). Under the threshold (FeedbackSettings.min_group_size, at least 5) nothing of
a group is shown, to anyone.
"""

from dataclasses import dataclass

from django.db.models import Q

from accounts.models import Role, User
from accounts.selectors import roles_of

from ..models import FeedbackSettings
from ..models.distribution import MIN_GROUP_SIZE

DIMENSIONS = ("company", "mentor", "programme", "cohort", "course")
FIELDS = {
    "company": "company_id",
    "mentor": "mentor_id",
    "programme": "programme_id",
    "cohort": "cohort",
    "course": "course_id",
}


@dataclass(frozen=True)
class Reader:
    scope: Q | None  # None: every response (staff)
    dimensions: tuple[str, ...]
    reads_texts: bool

    @property
    def reads_anything(self) -> bool:
        return bool(self.dimensions)


def thresholds() -> dict[int, int]:
    """Each school's threshold; a school without settings has the default."""
    return dict(FeedbackSettings.objects.values_list("school_id", "min_group_size"))


def threshold_of(school_ids, known: dict[int, int]) -> int:
    """The threshold for a group holding responses of these schools: the strictest of them, never below 5."""
    return max([MIN_GROUP_SIZE, *(known.get(school_id, MIN_GROUP_SIZE) for school_id in school_ids)])


def reader(user: User) -> Reader:
    roles = roles_of(user)
    if roles.is_staff:
        return Reader(None, DIMENSIONS, True)
    schools = roles.school_staff_school_ids
    if schools:
        return Reader(Q(school_id__in=schools), DIMENSIONS, True)
    companies = roles.companies_as(Role.COMPANY_ADMIN)
    if companies:
        return Reader(Q(company_id__in=companies), ("company",), False)
    if roles.has(Role.MENTOR):
        return Reader(Q(mentor_id=user.pk), ("mentor",), False)
    return Reader(Q(pk__in=[]), (), False)
