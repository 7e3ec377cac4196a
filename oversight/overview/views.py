"""The coordinator's overview of placement health: the list with its filters and counts, the export, the charts."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.spreadsheet import EXPORT_FORMATS, export_response
from core.views import require

from ..health.selectors import (
    WITH_PEOPLE,
    can_read_overview,
    health_counts,
    health_settings_for,
    overview_schools,
    reasons,
    school_overview,
)
from ..health.signals import SIGNALS
from ..models import HealthLevel, HealthSettings, PlacementHealth
from .charts import overview_charts
from .export import export_header, export_rows
from .filters import HealthFilter

PAGE_SIZE = 25


def _filtered(request) -> HealthFilter:
    require(can_read_overview(request.user), _("Only a school's coordinators see the health of all its placements."))
    schools = list(overview_schools(request.user).order_by("name"))
    health_filter = HealthFilter(request.GET or None, queryset=school_overview(request.user), schools=schools)
    # The thresholds the page explains: the school's own when the reader coordinates one, else the defaults.
    health_filter.rules = health_settings_for(schools[0]) if len(schools) == 1 else HealthSettings()
    return health_filter


def _query(request, *, without=("page",)) -> str:
    query = request.GET.copy()
    for name in without:
        query.pop(name, None)
    return query.urlencode()


@login_required
@require_GET
def overview(request):
    health_filter = _filtered(request)
    shown = health_filter.qs
    counts = health_counts(shown)
    # The page's ids first (a narrow sort of the school's rows), then those 25 rows with their people: sorting
    # every row with all its joined columns costs ten times as much at 20,000 placements.
    paginator = Paginator(shown.values_list("pk", flat=True), PAGE_SIZE)
    paginator.count = sum(counts["levels"].values())  # already counted: a second scan of the rows saved
    page = paginator.get_page(request.GET.get("page"))
    found = PlacementHealth.objects.select_related(*WITH_PEOPLE).in_bulk(list(page.object_list))
    return render(
        request,
        "oversight/overview.html",
        {
            "filter": health_filter,
            "rules": health_filter.rules,
            "page": page,
            "rows": [(found[pk], reasons(found[pk])) for pk in page.object_list if pk in found],
            "signals": [(signal, counts["signals"][signal.code]) for signal in SIGNALS],
            "levels": [(level, label, counts["levels"][level]) for level, label in HealthLevel.choices],
            "total": paginator.count,
            "computed_at": counts["computed_at"],
            "query": _query(request),
            "export_query": _query(request, without=("page", "format")),
        },
    )


@login_required
@require_GET
def overview_export(request):
    export_format = request.GET.get("format", "csv")
    if export_format not in EXPORT_FORMATS:
        return render(request, "400.html", status=400)
    health_filter = _filtered(request)
    return export_response(
        export_format,
        f"werkmentor-placement-health-{timezone.localdate().isoformat()}",
        _("Placement health"),
        export_header(),
        export_rows(health_filter.qs),
    )


@login_required
@require_GET
def overview_charts_page(request):
    health_filter = _filtered(request)
    schools = list(overview_schools(request.user).values_list("pk", flat=True))
    return render(
        request,
        "oversight/charts.html",
        {
            "filter": health_filter,
            "query": _query(request),
            "charts": overview_charts(health_filter.qs, schools, today=timezone.localdate()),
        },
    )
