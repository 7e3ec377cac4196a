from django.contrib.auth.decorators import login_required
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.shortcuts import render
from django.utils import timezone

from core.paging import first_of

from ..hours.selectors import approved_minutes_per_month, hours_totals
from ..models import CoachingSession, LearningGoal
from ..obstacles.selectors import open_obstacles
from ..selectors import coaching_placement_for_user, open_action_items_page
from .charts import monthly_bar_charts, months_between

# The progress page is an overview: the first goals of the plan and the first open obstacles, each with how many
# there are and a link to the page that has them all (the coaching plan, the obstacle board).
GOALS_SHOWN = 10
OBSTACLES_SHOWN = 10


def _coached_minutes_per_month(placement) -> dict:
    rows = (
        CoachingSession.objects.filter(placement=placement)
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(minutes=Sum("duration_minutes"))
    )
    return {row["month"]: row["minutes"] for row in rows}


@login_required
def progress(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    coached = _coached_minutes_per_month(placement)
    approved = dict(approved_minutes_per_month(placement))
    last_day = min(placement.end_date, max(timezone.localdate(), placement.start_date))
    months = months_between(placement.start_date, last_day)
    coached_hours = {month: round(minutes / 60, 1) for month, minutes in coached.items()}
    approved_hours = {month: round(minutes / 60, 1) for month, minutes in approved.items()}
    sessions = CoachingSession.objects.filter(placement=placement).aggregate(
        count=Count("pk"), minutes=Sum("duration_minutes")
    )
    open_page = open_action_items_page(placement=placement)
    return render(
        request,
        "mentoring/progress/progress.html",
        {
            "placement": placement,
            "goals": first_of(LearningGoal.objects.filter(plan__placement=placement), GOALS_SHOWN),
            "sessions": {"count": sessions["count"], "hours": round((sessions["minutes"] or 0) / 60, 1)},
            "last_session": CoachingSession.objects.filter(placement=placement).order_by("-date").first(),
            "hours": hours_totals(placement),
            "charts": monthly_bar_charts(months, [coached_hours, approved_hours]),
            "rows": [(month, coached_hours.get(month, 0), approved_hours.get(month, 0)) for month in months],
            "open_page": open_page,
            "open_more": open_page.paginator.count - len(open_page.object_list),
            "obstacles": first_of(open_obstacles(placement), OBSTACLES_SHOWN),
        },
    )
