"""Which learning goals the session form and the timeline's filter offer: the first few, never all of them.

A placement's plan can collect hundreds of goals over the years; a form with a checkbox or an option for each took
longer to render than the rest of the page and was unusable. Each list is capped in the plan's own order, and the
goals a form already holds (ticked before a form error, linked to the session, chosen in the filter) are offered
too, so sending the form again never loses them (core.paging.offered).
"""

from collections.abc import Iterable

from django.db.models import Count, Q, QuerySet

from core.paging import offered
from placements.models import Placement

from ..models import LearningGoal

# A session addresses a few goals; the rest of a long plan are on the plan page.
GOALS_OFFERED = 20
# The filter is a select: more options than this are not read, and any goal is a link away on the plan page.
GOALS_IN_FILTER = 50


def _goals_of(placement: Placement) -> QuerySet[LearningGoal]:
    return LearningGoal.objects.filter(plan__placement=placement)


def _open_goals_of(placement: Placement) -> QuerySet[LearningGoal]:
    return _goals_of(placement).exclude(status=LearningGoal.Status.ACHIEVED)


def goals_to_offer(placement: Placement, *, keep: Iterable = ()) -> QuerySet[LearningGoal]:
    """The first GOALS_OFFERED goals of the plan not yet achieved, plus the placement's goals in `keep` (keys)."""
    return offered(_goals_of(placement), _open_goals_of(placement), GOALS_OFFERED, keep=keep)


def goal_counts(placement: Placement) -> dict:
    """How many goals the plan has (`all`) and how many of them are not achieved (`open`), in one query."""
    return _goals_of(placement).aggregate(
        all=Count("pk"), open=Count("pk", filter=~Q(status=LearningGoal.Status.ACHIEVED))
    )


def goals_for_filter(placement: Placement, *, chosen=None) -> QuerySet[LearningGoal]:
    """The first GOALS_IN_FILTER goals of the plan (achieved ones too: the timeline is history), plus `chosen`."""
    return offered(_goals_of(placement), _goals_of(placement), GOALS_IN_FILTER, keep=[chosen] if chosen else [])
