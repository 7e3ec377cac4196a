"""Assessment records of a placement: the list, starting one for a planned moment, rating, reading, amending."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.choice_keys import whole_number
from core.views import add_service_errors, require

from ..models import AssessmentMoment
from ..plans.selectors import plan_of
from ..selectors import assessment_placement_for_user, can_assess, can_edit_record, record_for_user
from .forms import AmendForm, RecordForm, RecordStartForm
from .selectors import (
    amend_refusal,
    can_amend_record,
    can_assess_record,
    can_delete_record,
    change_refusal,
    may_delete_drafts_of,
    moments_without_record,
    placement_record_chains,
    rating_levels,
    rating_sheet,
    versions_of,
)
from .services import RecordLocked, record_amend, record_delete, record_save, record_start

NOT_AN_ASSESSOR = gettext_lazy("Only the assessors of this assessment may do this.")


def _refused(request, record, reason, *, status=409):
    """A change to a record that is no longer a draft: nothing happened, and the page says why."""
    return render(
        request, "assessments/records/record_refused.html", {"record": record, "reason": reason}, status=status
    )


def _record_to_change(request, pk, refusal_of):
    """(record, None) when the assessor may change it now; else (record, the answer that says why not):
    409 to a POST, so nothing is lost silently, and back to the record with the reason on a GET."""
    record = record_for_user(request.user, pk)
    require(can_assess_record(request.user, record), NOT_AN_ASSESSOR)
    refusal = refusal_of(record)
    if not refusal:
        return record, None
    if request.method == "POST":
        return record, _refused(request, record, refusal)
    messages.info(request, refusal)
    return record, redirect("assessment_detail", pk=record.pk)


@login_required
@require_GET
def assessment_list(request, pk):
    placement = assessment_placement_for_user(request.user, pk)
    plan = plan_of(placement, with_moments=True)
    chains = placement_record_chains(placement)
    return render(
        request,
        "assessments/records/record_list.html",
        {
            "placement": placement,
            "plan": plan,
            "chains": chains,
            "moments": moments_without_record(request.user, placement, plan, chains) if plan else [],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def assessment_new(request, pk):
    placement = assessment_placement_for_user(request.user, pk)
    plan = plan_of(placement, with_moments=True)
    if plan is None:
        messages.error(request, _("Make an assessment plan first: it says what is assessed, when and by whom."))
        return redirect("assessment_list", pk=placement.pk)
    moment = get_object_or_404(AssessmentMoment, pk=_int(request.GET.get("moment")), plan=plan)
    require(can_assess(request.user, placement, moment), _("Only the assessors of this moment start its assessment."))
    form = RecordStartForm(request.POST or None, moment=moment)
    if request.method == "POST" and form.is_valid():
        try:
            record = record_start(moment=moment, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The assessment has been started. Rate the indicators and save."))
            return redirect("assessment_edit", pk=record.pk)
    return render(
        request,
        "assessments/records/record_new.html",
        {"placement": placement, "plan": plan, "moment": moment, "form": form},
        status=400 if form.errors else 200,
    )


def _int(value) -> int | None:
    return whole_number(value)


@login_required
@require_http_methods(["GET", "POST"])
def assessment_edit(request, pk):
    record, refused = _record_to_change(request, pk, change_refusal)
    if refused:
        return refused
    sheet = rating_sheet(record, with_evidence=True)
    form = RecordForm(request.POST or None, record=record, sheet=sheet, levels=rating_levels(record))
    if request.method == "POST" and form.is_valid():
        try:
            record_save(
                record=record,
                by=request.user,
                title=form.cleaned_data["title"],
                assessed_on=form.cleaned_data["assessed_on"],
                ratings=form.ratings(),
                judgements=form.judgements(),
                overall=form.overall(),
                strengths=form.cleaned_data["strengths"],
                development_points=form.cleaned_data["development_points"],
            )
        except RecordLocked as exc:  # sent for signatures by someone else while this page was open
            return _refused(request, record, " ".join(exc.messages))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The assessment has been saved."))
            return redirect("assessment_detail", pk=record.pk)
    return render(
        request,
        "assessments/records/record_edit.html",
        {"record": record, "placement": record.placement, "form": form, "sections": list(form.sections())},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def assessment_detail(request, pk):
    record = record_for_user(request.user, pk)
    user = request.user
    versions = versions_of(record)
    return render(
        request,
        "assessments/records/record_detail.html",
        {
            "record": record,
            "placement": record.placement,
            "sheet": rating_sheet(record),
            "versions": versions,
            "later": next((version for version in versions if version.amends_id == record.pk), None),
            "can_edit": can_edit_record(user, record),
            "can_amend": can_amend_record(user, record),
            "can_delete": can_delete_record(user, record),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def assessment_amend(request, pk):
    record, refused = _record_to_change(request, pk, amend_refusal)
    if refused:
        return refused
    form = AmendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            amendment = record_amend(record=record, by=request.user, reason=form.cleaned_data["reason"])
        except RecordLocked as exc:  # amended by someone else a moment ago
            return _refused(request, record, " ".join(exc.messages))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Version %(number)s has been made. Correct it and send it for signatures again.")
                % {"number": amendment.version},
            )
            return redirect("assessment_edit", pk=amendment.pk)
    return render(
        request,
        "assessments/records/record_amend.html",
        {"record": record, "placement": record.placement, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def assessment_delete(request, pk):
    record = record_for_user(request.user, pk)
    require(may_delete_drafts_of(request.user, record), NOT_AN_ASSESSOR)
    refusal = change_refusal(record)
    if refusal:
        return _refused(request, record, refusal)
    try:
        restored = record_delete(record=record, by=request.user)
    except RecordLocked as exc:
        return _refused(request, record, " ".join(exc.messages))
    if restored is not None:
        messages.success(request, _("The draft amendment has been deleted; the signed version is valid again."))
        return redirect("assessment_detail", pk=restored.pk)
    messages.success(request, _("The draft assessment has been deleted."))
    if record.placement_id is not None:
        return redirect("assessment_list", pk=record.placement_id)
    return redirect("course_detail", pk=record.enrolment.course_id)
