"""Results pages: the groups of a dimension, one group's results with charts, and its CSV export.

There is no page of a single response: every view reads through results/selectors.py, which shows aggregates of
groups at or above the threshold only.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from core.spreadsheet import csv_response

from . import charts
from .access import reader
from .selectors import group_result, groups, parse_key

DIMENSION_LABELS = {
    "company": gettext_lazy("Host companies"),
    "mentor": gettext_lazy("Work mentors"),
    "programme": gettext_lazy("Programmes"),
    "cohort": gettext_lazy("Cohorts"),
    "course": gettext_lazy("Courses"),
}


def _reader(user):
    found = reader(user)
    if not found.reads_anything:
        raise Http404("No results for this user.")
    return found


@login_required
@require_GET
def results_index(request):
    who = _reader(request.user)
    by = request.GET.get("by") or who.dimensions[0]
    if by not in who.dimensions:
        by = who.dimensions[0]
    context = {
        "by": by,
        "tabs": [(d, DIMENSION_LABELS[d]) for d in who.dimensions],
        "groups": groups(who, by),
        "dimension_label": DIMENSION_LABELS[by],
    }
    return render(request, "feedback/results/index.html", context)


@login_required
@require_GET
def result_detail(request, by, key):
    who = _reader(request.user)
    result = group_result(who, by, parse_key(who, by, key))
    for block in result.blocks:
        for question in block.questions:
            question.chart = charts.distribution(question.counts) if question.counts else None
    context = {
        "result": result,
        "dimension_label": DIMENSION_LABELS[by],
        "trend": charts.trend(result.trend) if result.shown else None,
        "key": key,
    }
    return render(request, "feedback/results/detail.html", context)


@login_required
@require_GET
def result_export(request, by, key):
    who = _reader(request.user)
    result = group_result(who, by, parse_key(who, by, key))
    header = [_("Questionnaire"), _("Version"), _("Question"), _("Answer"), _("Count")]

    def rows():
        if not result.shown:  # too few responses: the export is as empty as the page
            return
        for block in result.blocks:
            if not block.shown:
                continue
            for item in block.questions:
                for label, n in item.counts:
                    yield [block.title, block.number, item.question.text, label, n]
                for text in item.texts:
                    yield [block.title, block.number, item.question.text, text, ""]

    return csv_response(f"survey-results-{by}-{timezone.localdate().isoformat()}", header, rows())
