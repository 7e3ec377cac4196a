"""Placement hours: the learner records them, the work mentor approves or rejects them, everyone involved reads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from core.paging import page_of
from core.views import add_service_errors, require
from placements.selectors import is_learner_of, is_mentor_of

from ..models import HoursEntry
from ..selectors import coaching_placement_for_user
from .forms import HoursApproveAllForm, HoursDecisionForm, HoursEntryForm, HoursFilterForm
from .selectors import hours_entries_for_placement, hours_totals
from .services import (
    hours_approve_all,
    hours_can_be_recorded,
    hours_entry_decide,
    hours_entry_delete,
    hours_entry_submit,
    hours_entry_update,
    hours_period_end,
)

PAGE_SIZE = 50
ONLY_LEARNER = gettext_lazy("Only the learner of this placement records and corrects hours.")
ONLY_MENTOR = gettext_lazy("Only the work mentor of this placement approves or rejects hours.")
LOCKED = gettext_lazy("These hours have already been approved or rejected and can no longer change.")


def _duration(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _back(request, placement):
    """Back to the hours page, keeping the filter and page the action was taken from."""
    url = reverse("mentoring_hours", args=[placement.pk])
    query = request.GET.urlencode()
    return redirect(f"{url}?{query}" if query else url)


def _record_form(placement, data=None) -> HoursEntryForm:
    today = timezone.localdate()
    in_period = placement.start_date <= today <= hours_period_end(placement)
    return HoursEntryForm(data, placement=placement, initial={"date": today} if in_period else None)


def _render_page(request, placement, *, record_form=None, decision_form=None, decision_entry=None, status=200):
    filter_form = HoursFilterForm(request.GET or None, placement=placement)
    filters = filter_form.cleaned_data if filter_form.is_bound and filter_form.is_valid() else {}
    entries = hours_entries_for_placement(placement, status=filters.get("status", ""), month=filters.get("month"))
    page = page_of(entries, request, per_page=PAGE_SIZE)
    page.object_list = list(page.object_list)
    for entry in page.object_list:
        entry.duration = _duration(entry.minutes)
    totals = hours_totals(placement)
    is_learner = is_learner_of(request.user, placement)
    can_record = is_learner and hours_can_be_recorded(placement)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "mentoring/hours/hours_page.html",
        {
            "placement": placement,
            "section": _("Placement hours"),
            "active": "mentoring_hours",
            "page": page,
            "query": query.urlencode(),
            "current_query": request.GET.urlencode(),
            "filter_form": filter_form,
            "is_filtered": bool(filters.get("status") or filters.get("month")),
            "totals": totals,
            "is_learner": is_learner,
            "is_mentor": is_mentor_of(request.user, placement),
            "can_record": can_record,
            "record_form": (record_form or _record_form(placement)) if can_record else None,
            "approve_all_form": HoursApproveAllForm(initial={"up_to": totals.last_waiting_pk}),
            "decision_form": decision_form,
            "decision_entry": decision_entry,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def hours_page(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    if request.method != "POST":
        return _render_page(request, placement)
    require(is_learner_of(request.user, placement), ONLY_LEARNER)
    form = _record_form(placement, request.POST)
    if form.is_valid():
        try:
            entry = hours_entry_submit(placement=placement, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Your hours of %(date)s have been recorded. Your work mentor will approve them.")
                % {"date": date_format(entry.date)},
            )
            return _back(request, placement)
    return _render_page(request, placement, record_form=form)


def _waiting_entry_of_learner(request, pk, entry_pk):
    placement = coaching_placement_for_user(request.user, pk)
    entry = get_object_or_404(HoursEntry, pk=entry_pk, placement=placement)
    require(is_learner_of(request.user, placement), ONLY_LEARNER)
    require(entry.status == HoursEntry.Status.SUBMITTED, LOCKED)
    return placement, entry


@login_required
@require_http_methods(["GET", "POST"])
def hours_edit(request, pk, entry_pk):
    placement, entry = _waiting_entry_of_learner(request, pk, entry_pk)
    form = HoursEntryForm(request.POST or None, instance=entry, placement=placement)
    if request.method == "POST" and form.is_valid():
        try:
            hours_entry_update(entry=entry, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The hours have been saved."))
            return _back(request, placement)
    return render(
        request,
        "mentoring/form_page.html",
        {
            "placement": placement,
            "form": form,
            "section": _("Correct hours"),
            "intro": _(
                "Correct the hours of %(date)s. You can change them until your work mentor has approved "
                "or rejected them."
            )
            % {"date": date_format(entry.date, "j F Y")},
            "active": "mentoring_hours",
            "cancel_url": reverse("mentoring_hours", args=[placement.pk]),
        },
    )


@login_required
@require_POST
def hours_delete(request, pk, entry_pk):
    placement, entry = _waiting_entry_of_learner(request, pk, entry_pk)
    day = entry.date
    hours_entry_delete(entry=entry)
    messages.success(request, _("The hours of %(date)s have been deleted.") % {"date": date_format(day)})
    return _back(request, placement)


@login_required
@require_POST
def hours_decide(request, pk, entry_pk):
    placement = coaching_placement_for_user(request.user, pk)
    entry = get_object_or_404(HoursEntry, pk=entry_pk, placement=placement)
    require(is_mentor_of(request.user, placement), ONLY_MENTOR)
    require(entry.status == HoursEntry.Status.SUBMITTED, LOCKED)
    form = HoursDecisionForm(request.POST)
    if form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            hours_entry_decide(
                entry=entry, decided_by=request.user, approve=approve, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if approve:
                done = _("The hours of %(date)s have been approved.")
            else:
                done = _("The hours of %(date)s have been rejected.")
            messages.success(request, done % {"date": date_format(entry.date)})
            return _back(request, placement)
    return _render_page(request, placement, decision_form=form, decision_entry=entry, status=400)


@login_required
@require_POST
def hours_approve_all_view(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    require(is_mentor_of(request.user, placement), ONLY_MENTOR)
    form = HoursApproveAllForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The list of hours to approve was not understood. Reload the page and try again."))
        return _render_page(request, placement, status=400)
    count = hours_approve_all(placement=placement, decided_by=request.user, up_to_pk=form.cleaned_data["up_to"])
    if count:
        messages.success(
            request,
            ngettext("%(count)d entry of hours approved.", "%(count)d entries of hours approved.", count)
            % {"count": count},
        )
    else:
        messages.info(request, _("No hours were waiting for approval."))
    return _back(request, placement)
