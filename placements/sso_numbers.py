"""The learners' student numbers, for single sign-on providers that match accounts by number (accounts.sso)."""

from django.db.models import Q
from django.utils import timezone

from .models import LearnerRecord


def learners_with_student_number(school, number: str) -> list[int]:
    """The learner at `school` with this student number, unless they have left."""
    return list(
        LearnerRecord.objects.filter(school=school, student_number=number)
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=timezone.localdate()))
        .values_list("user_id", flat=True)
    )
