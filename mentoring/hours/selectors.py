"""Placement hours: totals, lists and the overlap check (the access rules are in ../selectors.py)."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, ExpressionWrapper, F, IntegerField, Max, Q, QuerySet, Sum
from django.db.models.functions import ExtractHour, ExtractMinute, TruncMonth

from accounts.models import User
from placements.models import Placement

from ..models import HoursEntry

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
