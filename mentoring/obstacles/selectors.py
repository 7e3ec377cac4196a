"""Who keeps the obstacle log and closes incidents, and the lists they see (on top of ../selectors.py)."""

from django.db.models import Q, QuerySet

from accounts.models import User
from accounts.selectors import roles_of
from placements.models import Placement
from placements.selectors import is_learner_of, is_mentor_of

from ..models import Incident, Obstacle
from ..selectors import is_supervisor_of

# --- Obstacles and incidents -----------------------------------------------------------------------------


def can_edit_obstacles(user: User, placement: Placement) -> bool:
    """The learner, the mentor and the placement's supervisor (or coordinator, or staff) keep the obstacle log."""
    return is_learner_of(user, placement) or is_mentor_of(user, placement) or is_supervisor_of(user, placement)


def can_close_incidents(user: User, placement: Placement) -> bool:
    """Anyone who sees incidents may record and escalate one; closing is for those who follow it up."""
    return is_mentor_of(user, placement) or is_supervisor_of(user, placement)


def obstacles_for_placement(placement: Placement) -> QuerySet[Obstacle]:
    # The model's order, and the newer of two added in the same instant first, so pages never overlap.
    return placement.obstacles.select_related("created_by").order_by("status", "-created_at", "-pk")


def open_obstacles(placement: Placement) -> QuerySet[Obstacle]:
    return obstacles_for_placement(placement).exclude(status=Obstacle.Status.OVERCOME)


def incidents_for_placement(placement: Placement) -> QuerySet[Incident]:
    return placement.incidents.select_related("reported_by", "escalated_by")


def open_incidents_for_school_staff(user: User) -> QuerySet[Incident]:
    """Open escalated incidents on placements of the user's schools or that the user supervises, newest first."""
    return (
        Incident.objects.filter(status=Incident.Status.OPEN, escalated_at__isnull=False)
        .filter(Q(placement__school_id__in=roles_of(user).school_staff_school_ids) | Q(placement__supervisor=user))
        .select_related("placement__learner", "placement__company", "placement__supervisor")
        .order_by("-escalated_at", "-pk")
    )
