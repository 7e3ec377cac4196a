"""Who sees and who manages a school's learners and its imports: the school's supervisors and coordinators see
them, its coordinators (and staff) change them. Anyone else meets a 404 for a learner or an import."""

from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.models import Role, School, User
from accounts.selectors import roles_of

from ..models import ImportBatch, LearnerRecord


def schools_seeing_learners(user: User) -> frozenset[int] | None:
    """Schools whose learners `user` may see; None means every school (staff)."""
    roles = roles_of(user)
    return None if roles.is_staff else roles.school_staff_school_ids


def schools_managing_learners(user: User) -> frozenset[int] | None:
    """Schools whose learners `user` may add, change and import; None means every school (staff)."""
    roles = roles_of(user)
    return None if roles.is_staff else roles.schools_as(Role.COORDINATOR)


def can_see_learners(user: User) -> bool:
    seeing = schools_seeing_learners(user)
    return seeing is None or bool(seeing)


def can_manage_learners(user: User, school_id: int | None = None) -> bool:
    managing = schools_managing_learners(user)
    if managing is None:
        return True
    return bool(managing) if school_id is None else school_id in managing


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


def import_batches_for(user: User) -> QuerySet[ImportBatch]:
    # The file itself is read only by the import's steps, which load it when they need it.
    batches = ImportBatch.objects.select_related("school", "uploaded_by").defer("content")
    seeing = schools_seeing_learners(user)
    return batches if seeing is None else batches.filter(school_id__in=seeing)


def import_batch_for_user(user: User, public_id) -> ImportBatch:
    """The import if `user` may see it (a supervisor or coordinator of its school, or staff); otherwise 404."""
    try:
        return import_batches_for(user).get(public_id=public_id)
    except (ImportBatch.DoesNotExist, ValueError, TypeError):
        raise Http404("No such import.") from None
