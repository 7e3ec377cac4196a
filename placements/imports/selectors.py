"""Imports as the person asking may see them: those of the schools where they are supervisor or coordinator
(staff: all); others meet a 404. Coordinators (and staff) run them (placements/selectors.py holds the rules)."""

from django.db.models import QuerySet
from django.http import Http404

from accounts.models import School, User

from ..models import ImportBatch
from ..selectors import can_manage_learners, schools_managing_learners, schools_seeing_learners

__all__ = ["can_manage_learners", "import_batch_for_user", "import_batches_for", "importing_schools"]


def importing_schools(user: User) -> QuerySet[School]:
    managing = schools_managing_learners(user)
    return School.objects.all() if managing is None else School.objects.filter(pk__in=managing)


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
