"""A school supervisor's caseload: the learners they supervise, ordered by need, with their meetings.

Need: at risk first, then needs attention, then the longest without a tripartite meeting (or visit; never had
one first), then the learner's name. The planned meetings come as annotations of the same query: the page costs
a fixed number of queries however many learners there are.
"""

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from accounts.models import Role, User
from accounts.selectors import roles_of
from meetings.models import Meeting

from ..health.selectors import WITH_PEOPLE, health_visible_to
from ..models import PlacementHealth


def can_read_caseload(user: User) -> bool:
    return bool(roles_of(user).schools_as(Role.TEACHER))


def caseload(user: User) -> QuerySet[PlacementHealth]:
    """The health of the active placements `user` supervises at the schools where they are a school supervisor."""
    now = timezone.now()
    planned = Meeting.objects.filter(placement=OuterRef("placement"), starts_at__gt=now).exclude(
        status=Meeting.Status.CANCELLED
    )
    return (
        health_visible_to(user)
        .filter(
            computed_at__isnull=False,
            placement__supervisor=user,
            placement__school_id__in=roles_of(user).schools_as(Role.TEACHER),
        )
        .select_related(*WITH_PEOPLE)
        .annotate(
            next_meeting=Subquery(planned.order_by("starts_at").values("starts_at")[:1]),
            next_meeting_id=Subquery(planned.order_by("starts_at").values("pk")[:1]),
            planned_meetings=Subquery(planned.order_by().values("placement").annotate(n=Count("pk")).values("n")[:1]),
        )
        .order_by(
            "-level",
            F("last_meeting").asc(nulls_first=True),
            "placement__learner__last_name",
            "placement__learner__first_name",
            "placement_id",
        )
    )


def caseload_counts(rows: QuerySet[PlacementHealth]) -> dict:
    """How many learners, how many need a meeting planned, how many have one planned: one query."""
    return rows.aggregate(
        total=Count("pk"),
        meeting_due=Count("pk", filter=Q(no_meeting=True)),
        minutes_open=Count("pk", filter=Q(minutes_open=True)),
    )
