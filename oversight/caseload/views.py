"""The school supervisor's caseload page: "my learners", the ones that need them first."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.views import require

from ..health.selectors import reasons
from .selectors import can_read_caseload, caseload, caseload_counts

PAGE_SIZE = 50
# The signals that a tripartite meeting (or visit) answers: they offer "plan a tripartite meeting" next to them.
MEETING_SIGNALS = {"no_meeting", "minutes_open", "incident", "hours_behind", "no_session", "goals_off_track"}


@login_required
@require_GET
def caseload_page(request):
    require(can_read_caseload(request.user), _("Only school supervisors have a caseload of learners."))
    rows = caseload(request.user)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    shown = [
        {
            "health": health,
            "reasons": reasons(health),
            "days_since_meeting": (today - timezone.localtime(health.last_meeting).date()).days
            if health.last_meeting
            else None,
            "offer_meeting": not health.next_meeting and bool(MEETING_SIGNALS & set(health.details)),
        }
        for health in page.object_list
    ]
    return render(
        request,
        "oversight/caseload.html",
        {"page": page, "rows": shown, "counts": caseload_counts(rows)},
    )
