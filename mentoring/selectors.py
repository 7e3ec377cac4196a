"""Who may see and do what in a placement's coaching trajectory. Views ask here, never decide themselves.

Coaching content (plan, sessions, hours, obstacles) is personal: the learner, the work mentor, the school
(supervisors and coordinators of the placement's school) and staff see it; the company admin does not.
Incidents are for the mentor and the school only. A private note is for its author only.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, DecimalField, ExpressionWrapper, F, IntegerField, Max, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import ExtractHour, ExtractMinute, ExtractYear, TruncMonth
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import Role, User
from accounts.selectors import roles_of
from placements.models import Placement
from placements.selectors import is_learner_of, is_mentor_of, placement_for_user

from .models import (
    ActionItem,
    CoachingSession,
    DevelopmentActivity,
    HoursEntry,
    Incident,
    Obstacle,
    PrivateNote,
)


def _is_school_staff(user: User, placement: Placement) -> bool:
    return placement.school_id in roles_of(user).school_staff_school_ids


def can_view_coaching(user: User, placement: Placement) -> bool:
    return (
        roles_of(user).is_staff
        or user.pk in (placement.learner_id, placement.mentor_id)
        or _is_school_staff(user, placement)
    )


def can_view_incidents(user: User, placement: Placement) -> bool:
    return roles_of(user).is_staff or user.pk == placement.mentor_id or _is_school_staff(user, placement)


def is_supervisor_of(user: User, placement: Placement) -> bool:
    """The placement's own supervisor, or a coordinator of its school, attunes the plan."""
    roles = roles_of(user)
    return (
        roles.is_staff
        or user.pk == placement.supervisor_id
        or placement.school_id in roles.schools_as(Role.COORDINATOR)
    )


def coaching_placement_for_user(user: User, pk: int) -> Placement:
    """The placement, if `user` may see its coaching trajectory; 404 for outsiders as for the placement."""
    placement = placement_for_user(user, pk)
    if not can_view_coaching(user, placement):
        raise Http404("No such placement.")
    return placement


def incident_placement_for_user(user: User, pk: int) -> Placement:
    placement = placement_for_user(user, pk)
    if not can_view_incidents(user, placement):
        raise Http404("No such placement.")
    return placement


def sessions_for_timeline(*, placement: Placement, viewer: User) -> QuerySet[CoachingSession]:
    """Sessions with everything the timeline shows, in a fixed number of queries; notes of `viewer` only."""
    return (
        CoachingSession.objects.filter(placement=placement)
        .select_related("coached_by")
        .prefetch_related(
            "goals",
            "attachments",
            Prefetch("action_items", queryset=ActionItem.objects.select_related("owner")),
            Prefetch("private_notes", queryset=PrivateNote.objects.filter(author=viewer), to_attr="my_notes"),
        )
    )


def open_action_items(*, placement: Placement) -> QuerySet[ActionItem]:
    return ActionItem.objects.filter(placement=placement, done_at__isnull=True).select_related("owner", "session")


def open_action_items_for_user(user: User) -> QuerySet[ActionItem]:
    """Open items the user owns, plus, for a mentor, those of the placements they mentor."""
    return (
        ActionItem.objects.filter(done_at__isnull=True)
        .filter(Q(owner=user) | Q(placement__mentor=user))
        .select_related("owner", "placement__learner", "placement__company")
        .order_by("due_date", "pk")
    )


# --- The work mentor's own professional development log (work process 1.6) ----------------------------
# The log is personal: only its owner sees it, not the employer, the school or staff.


def can_keep_development_log(user: User) -> bool:
    return roles_of(user).has(Role.MENTOR)


def development_activities_of(user: User, *, year: int) -> QuerySet[DevelopmentActivity]:
    return DevelopmentActivity.objects.filter(mentor=user, date__year=year).order_by("-date", "-pk")


def development_activity_for_user(user: User, pk: int) -> DevelopmentActivity:
    """The user's own activity; someone else's answers 404 as if it did not exist."""
    return get_object_or_404(DevelopmentActivity, pk=pk, mentor=user)


def development_hours_by_year(user: User) -> dict[int, Decimal]:
    """Hours of development per calendar year, newest year first; certificate renewal counts these."""
    rows = (
        DevelopmentActivity.objects.filter(mentor=user)
        .annotate(year=ExtractYear("date"))
        .values("year")
        # A wider output field than the column's, so SQLite does not round a large yearly total.
        .annotate(total=Sum("hours", output_field=DecimalField(max_digits=12, decimal_places=1)))
        .order_by("-year")
    )
    return {row["year"]: Decimal(row["total"]) for row in rows}


def development_hours_by_kind(activities) -> list[tuple[str, Decimal]]:
    """(kind label, hours) for the kinds that occur among already loaded activities, in the choices' order."""
    totals: dict[str, Decimal] = {}
    for activity in activities:
        totals[activity.kind] = totals.get(activity.kind, Decimal(0)) + activity.hours
    return [(kind.label, totals[kind.value]) for kind in DevelopmentActivity.Kind if kind.value in totals]


# --- Obstacles and incidents -----------------------------------------------------------------------------


def can_edit_obstacles(user: User, placement: Placement) -> bool:
    """The learner, the mentor and the placement's supervisor (or coordinator, or staff) keep the obstacle log."""
    return is_learner_of(user, placement) or is_mentor_of(user, placement) or is_supervisor_of(user, placement)


def can_close_incidents(user: User, placement: Placement) -> bool:
    """Anyone who sees incidents may record and escalate one; closing is for those who follow it up."""
    return is_mentor_of(user, placement) or is_supervisor_of(user, placement)


def obstacles_for_placement(placement: Placement) -> QuerySet[Obstacle]:
    return placement.obstacles.select_related("created_by")


def open_obstacles(placement: Placement) -> QuerySet[Obstacle]:
    return obstacles_for_placement(placement).exclude(status=Obstacle.Status.OVERCOME)


def incidents_for_placement(placement: Placement) -> QuerySet[Incident]:
    return placement.incidents.select_related("reported_by", "escalated_by")


def open_incidents_for_school_staff(user: User) -> QuerySet[Incident]:
    """Open escalated incidents on placements of the user's schools or that the user supervises, newest first."""
    return (
        Incident.objects.filter(status=Incident.Status.OPEN, escalated_at__isnull=False)
        .filter(Q(placement__school_id__in=roles_of(user).school_staff_school_ids) | Q(placement__supervisor=user))
        .select_related("placement__learner", "placement__company", "placement__supervisor")
        .order_by("-escalated_at", "-pk")
    )


# --- Placement hours (BPV-uren) ---------------------------------------------------------------------------
# Worked minutes are computed in the database from the time fields (no stored total to keep in step):
# EXTRACT of hour and minute works the same on SQLite and PostgreSQL, unlike time subtraction.


def _worked_minutes() -> ExpressionWrapper:
    return ExpressionWrapper(
        ExtractHour("end_time") * 60
        + ExtractMinute("end_time")
        - ExtractHour("start_time") * 60
        - ExtractMinute("start_time")
        - F("break_minutes"),
        output_field=IntegerField(),
    )


@dataclass(frozen=True)
class HoursTotals:
    approved_minutes: int
    waiting_minutes: int
    rejected_minutes: int
    waiting_count: int
    last_waiting_pk: int | None
    required_hours: int

    @staticmethod
    def _hours(minutes: int) -> Decimal:
        return (Decimal(minutes) / 60).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def approved_hours(self) -> Decimal:
        return self._hours(self.approved_minutes)

    @property
    def waiting_hours(self) -> Decimal:
        return self._hours(self.waiting_minutes)

    @property
    def rejected_hours(self) -> Decimal:
        return self._hours(self.rejected_minutes)

    @property
    def percent(self) -> int | None:
        """Share of the programme's required hours that is approved, rounded down; None when none are set."""
        if not self.required_hours:
            return None
        return self.approved_minutes * 100 // (self.required_hours * 60)


def hours_totals(placement: Placement) -> HoursTotals:
    """Approved, waiting and rejected minutes of the placement in one query; only approved ones count."""
    status = HoursEntry.Status
    minutes = _worked_minutes()
    row = HoursEntry.objects.filter(placement=placement).aggregate(
        approved=Sum(minutes, filter=Q(status=status.APPROVED)),
        waiting=Sum(minutes, filter=Q(status=status.SUBMITTED)),
        rejected=Sum(minutes, filter=Q(status=status.REJECTED)),
        waiting_count=Count("pk", filter=Q(status=status.SUBMITTED)),
        last_waiting_pk=Max("pk", filter=Q(status=status.SUBMITTED)),
    )
    # PostgreSQL's EXTRACT yields numeric, so the sums may come back as Decimal.
    return HoursTotals(
        approved_minutes=int(row["approved"] or 0),
        waiting_minutes=int(row["waiting"] or 0),
        rejected_minutes=int(row["rejected"] or 0),
        waiting_count=row["waiting_count"],
        last_waiting_pk=row["last_waiting_pk"],
        required_hours=placement.programme.required_hours,
    )


def hours_entries_for_placement(
    placement: Placement, *, status: str = "", month: date | None = None
) -> QuerySet[HoursEntry]:
    """The placement's entries, newest first, optionally of one status and of the month starting at `month`."""
    entries = HoursEntry.objects.filter(placement=placement).order_by("-date", "-start_time", "-pk")
    if status:
        entries = entries.filter(status=status)
    if month is not None:
        next_month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        entries = entries.filter(date__gte=month, date__lt=next_month)
    return entries


def overlapping_hours_entries(*, learner_id: int, day: date, start_time, end_time, exclude_pk=None):
    """Non-rejected entries of the learner, in any of their placements, whose time on `day` overlaps."""
    entries = HoursEntry.objects.filter(
        placement__learner_id=learner_id, date=day, start_time__lt=end_time, end_time__gt=start_time
    ).exclude(status=HoursEntry.Status.REJECTED)
    if exclude_pk is not None:
        entries = entries.exclude(pk=exclude_pk)
    return entries.order_by("start_time")


def approved_minutes_per_month(placement: Placement) -> list[tuple[date, int]]:
    """(first day of the month, approved minutes) for each month with approved hours, oldest first."""
    rows = (
        HoursEntry.objects.filter(placement=placement, status=HoursEntry.Status.APPROVED)
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(minutes=Sum(_worked_minutes()))
        .order_by("month")
    )
    return [(row["month"], int(row["minutes"])) for row in rows]


def hours_awaiting_approval_for_mentor(user: User) -> QuerySet[HoursEntry]:
    """Entries waiting for the user's approval on the placements they mentor, oldest first."""
    return (
        HoursEntry.objects.filter(status=HoursEntry.Status.SUBMITTED, placement__mentor=user)
        .select_related("placement__learner", "placement__company")
        .order_by("date", "start_time", "pk")
    )
