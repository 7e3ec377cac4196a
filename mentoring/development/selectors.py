"""The work mentor's own development log: who keeps it and the totals it shows (on top of ../selectors.py)."""

from decimal import Decimal

from django.db.models import DecimalField, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404

from accounts.models import Role, User
from accounts.selectors import roles_of

from ..models import DevelopmentActivity

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


def development_hours_by_kind(user: User, *, year: int) -> list[tuple[str, Decimal]]:
    """(kind label, hours) for the kinds logged in `year`, in the choices' order: one query, summed by the
    database, as the page shows only some of the year's activities."""
    rows = (
        development_activities_of(user, year=year)
        .order_by()
        .values("kind")
        .annotate(total=Sum("hours", output_field=DecimalField(max_digits=12, decimal_places=1)))
    )
    totals = {row["kind"]: Decimal(row["total"]) for row in rows}
    return [(kind.label, totals[kind.value]) for kind in DevelopmentActivity.Kind if kind.value in totals]
