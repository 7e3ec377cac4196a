"""The work mentor's own professional development log (work process 1.6): only its owner sees it."""

from decimal import Decimal
from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.attachments import ALLOWED
from core.paging import page_of
from core.private_files import private_file_response
from core.spreadsheet import csv_response

from .forms import DevelopmentActivityForm, YearForm
from .selectors import (
    can_keep_development_log,
    development_activities_of,
    development_activity_for_user,
    development_hours_by_kind,
    development_hours_by_year,
)
from .services import (
    development_activity_create,
    development_activity_delete,
    development_activity_update,
)

# A busy year holds a few hundred activities; the page shows them newest first, a page at a time. The totals
# per kind and per year still count the whole year, and the CSV export has every row.
ACTIVITIES_PER_PAGE = 25


def _require_mentor(user) -> None:
    if not can_keep_development_log(user):
        raise PermissionDenied(_("Only work mentors keep a professional development log."))


def _list_url(year: int) -> str:
    return f"{reverse('development_list')}?year={year}"


def _apply_errors(form, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        for error in errors:
            form.add_error(field if field in form.fields else None, error)


@login_required
@require_http_methods(["GET", "POST"])
def development_list(request):
    _require_mentor(request.user)
    year = YearForm(request.GET).year_or_current()
    form = DevelopmentActivityForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            activity = development_activity_create(mentor=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("The activity has been added to your log."))
            return redirect(_list_url(activity.date.year))
    activities = page_of(development_activities_of(request.user, year=year), request, per_page=ACTIVITIES_PER_PAGE)
    hours_by_year = development_hours_by_year(request.user)
    current_year = timezone.localdate().year
    years = sorted({*hours_by_year, current_year, year}, reverse=True)
    return render(
        request,
        "mentoring/development/development_list.html",
        {
            "form": form,
            "year": year,
            "current_year": current_year,
            "activities": list(activities),
            "activities_page": activities,
            "year_totals": [(y, hours_by_year.get(y, Decimal(0))) for y in years],
            "year_total": hours_by_year.get(year, Decimal(0)),
            "kind_totals": development_hours_by_kind(request.user, year=year),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def development_edit(request, pk):
    _require_mentor(request.user)
    activity = development_activity_for_user(request.user, pk)
    if activity.from_course:
        # The school's record of a completed course: shown, never edited (the services refuse it too).
        return render(request, "mentoring/development/development_course_row.html", {"activity": activity})
    form = DevelopmentActivityForm(request.POST or None, request.FILES or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        try:
            development_activity_update(activity=activity, data=form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("The activity has been saved."))
            return redirect(_list_url(activity.date.year))
    # The saved row, not the half-edited form instance, names the page and the way back.
    saved = development_activity_for_user(request.user, pk) if form.is_bound else activity
    return render(request, "mentoring/development/development_form.html", {"form": form, "activity": saved})


@login_required
@require_POST
def development_delete(request, pk):
    _require_mentor(request.user)
    activity = development_activity_for_user(request.user, pk)
    year = activity.date.year
    try:
        development_activity_delete(activity=activity)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The activity has been removed from your log."))
    return redirect(_list_url(year))


@login_required
@require_GET
def development_proof(request, pk):
    _require_mentor(request.user)
    activity = development_activity_for_user(request.user, pk)
    name = PurePath(activity.proof.name).name if activity.proof else ""
    content_type = ALLOWED.get(PurePath(name).suffix.lower(), ("application/octet-stream", None))[0]
    return private_file_response(activity.proof, filename=name, content_type=content_type)


@login_required
@require_GET
def development_export(request):
    _require_mentor(request.user)
    year_form = YearForm(request.GET)
    if not year_form.is_valid():
        return render(request, "400.html", status=400)
    year = year_form.year_or_current()
    activities = development_activities_of(request.user, year=year).order_by("date", "pk")
    header = [_("Date"), _("Kind"), _("Title"), _("Hours"), _("Notes")]
    rows = []
    total = Decimal(0)
    for activity in activities:
        total += activity.hours
        kind = capfirst(activity.get_kind_display())
        rows.append([activity.date, kind, activity.title, _hours(activity.hours), activity.notes])
    rows.append([_("Total"), "", "", _hours(total), ""])
    return csv_response(f"werkmentor-development-{year}", header, rows)


def _hours(value: Decimal) -> str:
    return formats.number_format(value, decimal_pos=1, use_l10n=True)
