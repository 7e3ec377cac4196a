"""Reads of placements, scoped to the person asking. The only place that decides who sees which placement."""

from django.db import connection
from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.models import Role, User
from accounts.selectors import roles_of

from .models import LearnerRecord, Placement, Programme


def placement_visibility(user: User) -> Q | None:
    """A filter for the placements `user` may see, or None when they may see them all."""
    roles = roles_of(user)
    if roles.is_staff:
        return None
    visible = Q(pk__in=[])
    if roles.has(Role.LEARNER):
        visible |= Q(learner=user)
    if roles.has(Role.MENTOR):
        visible |= Q(mentor=user)
    if roles.school_staff_school_ids:
        visible |= Q(school_id__in=roles.school_staff_school_ids)
    if roles.has(Role.COMPANY_ADMIN):
        visible |= Q(company_id__in=roles.companies_as(Role.COMPANY_ADMIN))
    return visible


def placements_visible_to(user: User) -> QuerySet[Placement]:
    placements = Placement.objects.all()
    visibility = placement_visibility(user)
    return placements if visibility is None else placements.filter(visibility)


def placement_for_user(user: User, pk: int) -> Placement:
    """The placement if `user` may see it; otherwise 404, so that its existence does not leak."""
    try:
        return placements_visible_to(user).with_people().get(pk=pk)
    except (Placement.DoesNotExist, ValueError, TypeError):
        raise Http404("No such placement.") from None


def schools_where_user_manages_placements(user: User) -> frozenset[int] | None:
    """School ids where `user` may create placements; None means every school (staff)."""
    roles = roles_of(user)
    if roles.is_staff:
        return None
    return roles.school_staff_school_ids


def can_create_placements(user: User) -> bool:
    managed = schools_where_user_manages_placements(user)
    return managed is None or bool(managed)


def can_manage_placement(user: User, placement: Placement) -> bool:
    """Coordinators of the school, the placement's own supervisor and staff may change it."""
    roles = roles_of(user)
    if roles.is_staff:
        return True
    return placement.school_id in roles.schools_as(Role.COORDINATOR) or (
        placement.supervisor_id == user.pk and placement.school_id in roles.schools_as(Role.TEACHER)
    )


def can_archive_placement(user: User, placement: Placement) -> bool:
    """Archiving ends a placement's life on the school's side: whoever may change the placement (the school's
    coordinators, its own supervisor, staff) may archive and restore it; the company's people and the learner not."""
    return can_manage_placement(user, placement)


def programmes_for_schools(school_ids) -> QuerySet[Programme]:
    programmes = Programme.objects.filter(is_active=True).select_related("school")
    return programmes if school_ids is None else programmes.filter(school_id__in=school_ids)


def overlapping_open_placements(*, learner, start_date, end_date, exclude_pk=None) -> QuerySet[Placement]:
    """Planned or active placements of the learner whose period overlaps [start_date, end_date]."""
    overlapping = Placement.objects.ongoing().filter(
        learner=learner, start_date__lte=end_date, end_date__gte=start_date
    )
    if exclude_pk is not None:
        overlapping = overlapping.exclude(pk=exclude_pk)
    return overlapping


def is_mentor_of(user: User, placement: Placement) -> bool:
    return user.pk == placement.mentor_id


def is_learner_of(user: User, placement: Placement) -> bool:
    return user.pk == placement.learner_id


def schools_seeing_learners(user: User) -> frozenset[int] | None:
    """Schools whose learner records and imports `user` may see: as supervisor or coordinator; None: every
    school (staff). Used by placements/learners/ and placements/imports/."""
    roles = roles_of(user)
    return None if roles.is_staff else roles.school_staff_school_ids


def schools_managing_learners(user: User) -> frozenset[int] | None:
    """Schools whose learners `user` may add, change and import: as coordinator; None: every school (staff)."""
    roles = roles_of(user)
    return None if roles.is_staff else roles.schools_as(Role.COORDINATOR)


def can_manage_learners(user: User, school_id: int | None = None) -> bool:
    """At `school_id`, or (without one) at some school."""
    managing = schools_managing_learners(user)
    if managing is None:
        return True
    return bool(managing) if school_id is None else school_id in managing


# The next cohort below the last one found, through the (school, cohort) index: a loose index scan, so a school's
# few cohorts cost a few index descents, not a read of every learner record (20,000 in a large school).
COHORTS = """
    WITH RECURSIVE found(cohort) AS (
        SELECT max(cohort) FROM {table} WHERE school_id = %s AND cohort <> ''
        UNION ALL
        SELECT (SELECT max(cohort) FROM {table} WHERE school_id = %s AND cohort <> '' AND cohort < found.cohort)
        FROM found WHERE found.cohort IS NOT NULL
    )
    SELECT cohort FROM found WHERE cohort IS NOT NULL
"""


def cohorts_of(school_ids) -> list[str]:
    """The cohorts of the schools' learner records, newest (highest) first, each once."""
    sql = COHORTS.format(table=connection.ops.quote_name(LearnerRecord._meta.db_table))
    cohorts = set()
    with connection.cursor() as cursor:
        for school_id in school_ids:
            cursor.execute(sql, [school_id, school_id])
            cohorts.update(row[0] for row in cursor.fetchall())
    return sorted(cohorts, reverse=True)
