"""Reads of the coaching schedule, scoped to the person asking."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.models import User
from accounts.selectors import roles_of
from placements.models import Placement

from ..models import PlannedSession


def planned_sessions_for_placement(placement: Placement) -> QuerySet[PlannedSession]:
    return placement.planned_sessions.select_related("session")


def open_planned_sessions(placement: Placement) -> QuerySet[PlannedSession]:
    return placement.planned_sessions.filter(session__isnull=True)


def missed_planned_sessions_for(user: User) -> QuerySet[PlannedSession]:
    """Planned sessions whose date has passed with nothing logged, on placements whose coaching `user` sees.

    The learner sees their own, the mentor their learners', the school its placements (as can_view_coaching).
    """
    # Only running placements: once a placement has ended, its missed sessions are history, not a to-do.
    missed = PlannedSession.objects.filter(
        session__isnull=True,
        planned_on__lt=timezone.localdate(),
        placement__status__in=Placement.OPEN_STATUSES,
        placement__archived_at__isnull=True,
    )
    roles = roles_of(user)
    if not roles.is_staff:
        missed = missed.filter(
            Q(placement__learner=user)
            | Q(placement__mentor=user)
            | Q(placement__school_id__in=roles.school_staff_school_ids)
        )
    return missed.select_related("placement__learner", "placement__company", "placement__mentor").order_by(
        "-planned_on", "pk"
    )
