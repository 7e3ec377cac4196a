"""The coaching to-do list on each person's dashboard: one query per list, however busy they are."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from accounts.models import Role, User
from accounts.selectors import roles_of

from .models import CoachingPlan, CoachingSession
from .selectors import open_action_items_for_user

LIMIT = 10


def coaching_todo(user: User) -> dict:
    roles = roles_of(user)
    todo = {"open_items": list(open_action_items_for_user(user)[:LIMIT]), "today": timezone.localdate()}
    attunes = Q(placement__supervisor=user) | Q(placement__school_id__in=roles.schools_as(Role.COORDINATOR))
    if roles.has(Role.TEACHER) or roles.has(Role.COORDINATOR):
        todo["plans_to_attune"] = list(
            CoachingPlan.objects.filter(attunes, status=CoachingPlan.Status.SUBMITTED).select_related(
                "placement__learner", "placement__company"
            )[:LIMIT]
        )
    if roles.has(Role.LEARNER):
        since = timezone.localdate() - timedelta(days=30)
        todo["sessions_to_reflect"] = list(
            CoachingSession.objects.filter(placement__learner=user, learner_reflection="", date__gte=since)
            .select_related("placement")
            .order_by("-date")[:LIMIT]
        )
    return todo
