"""A school's programmes as the person asking may see them: the rule of the learners page (placements/selectors.py):
the school's supervisors and coordinators see them, its coordinators (and staff) add and change them."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import User

from ..models import Placement, Programme
from ..selectors import schools_managing_learners, schools_seeing_learners


def programmes_for(user: User) -> QuerySet[Programme]:
    seeing = schools_seeing_learners(user)
    programmes = Programme.objects.select_related("school").annotate(
        learner_count=Count("learner_records", distinct=True),
        open_placements=Count("placements", filter=Q(placements__status__in=Placement.OPEN_STATUSES), distinct=True),
    )
    return programmes if seeing is None else programmes.filter(school_id__in=seeing)


def programme_for_user(user: User, pk: int) -> Programme:
    """The programme, or 404 when `user` may not see it."""
    return get_object_or_404(programmes_for(user), pk=pk)


def can_manage_programmes_of(user: User, school_id: int | None = None) -> bool:
    managing = schools_managing_learners(user)
    if managing is None:
        return True
    return bool(managing) if school_id is None else school_id in managing
