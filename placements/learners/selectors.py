"""A school's learner records as the person asking may see them: the school's supervisors and coordinators
(and staff) see them, its coordinators change them (placements/selectors.py holds those two rules). Anyone
else meets a 404 for a learner."""

from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.models import School, User

from ..models import LearnerRecord
from ..selectors import can_manage_learners, schools_managing_learners, schools_seeing_learners

__all__ = ["can_manage_learners", "can_see_learners", "learner_record_for_user", "learner_records_for"]


def can_see_learners(user: User) -> bool:
    seeing = schools_seeing_learners(user)
    return seeing is None or bool(seeing)


def managed_schools(user: User) -> QuerySet[School]:
    managing = schools_managing_learners(user)
    return School.objects.all() if managing is None else School.objects.filter(pk__in=managing)


def learner_records_for(user: User) -> QuerySet[LearnerRecord]:
    records = LearnerRecord.objects.select_related("user", "school", "programme")
    seeing = schools_seeing_learners(user)
    return records if seeing is None else records.filter(school_id__in=seeing)


def search_records(records: QuerySet[LearnerRecord], query: str) -> QuerySet[LearnerRecord]:
    """By student number (its start) or by name or e-mail (any part); every word must match."""
    for word in query.split()[:5]:
        records = records.filter(
            Q(student_number__istartswith=word)
            | Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(user__email__icontains=word)
        )
    return records


def learner_record_for_user(user: User, learner_pk: int) -> LearnerRecord:
    """The learner's record if `user` may see it (by the learner's account id); otherwise 404."""
    try:
        return learner_records_for(user).get(user_id=learner_pk)
    except (LearnerRecord.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404("No such learner.") from None
