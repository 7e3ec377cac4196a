"""Who sees and records the coach's critical situations: the mentor and the school, as for incidents."""

from django.db.models import QuerySet

from accounts.models import User
from placements.models import Placement
from placements.selectors import is_mentor_of

from ..models import CriticalSituation


def can_record_critical_situation(user: User, placement: Placement) -> bool:
    """They are the coach's own situations: only the placement's mentor records one or asks for support."""
    return is_mentor_of(user, placement)


def critical_situations_for_placement(placement: Placement) -> QuerySet[CriticalSituation]:
    return placement.critical_situations.select_related("recorded_by")
