"""The coaching to-do list on each person's dashboard: one query per list, however busy they are."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from accounts.models import Role, User
from accounts.selectors import roles_of

from .development.selectors import development_hours_by_year
from .hours.selectors import hours_awaiting_approval_for_mentor
from .models import CoachingPlan, CoachingSession
from .obstacles.selectors import open_incidents_for_school_staff
from .schedule.selectors import missed_planned_sessions_for
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
    if roles.has(Role.MENTOR):
        todo["hours_to_approve"] = list(
            hours_awaiting_approval_for_mentor(user)
            .order_by()
            .values("placement_id", "placement__learner__first_name", "placement__learner__last_name")
            .annotate(entries=Count("pk"))
            .order_by("placement__learner__last_name")[:LIMIT]
        )
        todo["development_hours"] = development_hours_by_year(user).get(todo["today"].year, 0)
    if roles.school_staff_school_ids or roles.has(Role.TEACHER):
        todo["incidents"] = list(open_incidents_for_school_staff(user)[:LIMIT])
    if roles.has(Role.LEARNER) or roles.has(Role.MENTOR) or roles.school_staff_school_ids:
        todo["missed_sessions"] = list(missed_planned_sessions_for(user)[:LIMIT])
    if roles.has(Role.LEARNER):
        since = timezone.localdate() - timedelta(days=30)
        todo["sessions_to_reflect"] = list(
            CoachingSession.objects.filter(placement__learner=user, learner_reflection="", date__gte=since)
            .select_related("placement")
            .order_by("-date")[:LIMIT]
        )
    return todo
