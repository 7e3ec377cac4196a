from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.views import add_service_errors, require
from placements.pages import placement_form_page

from ..models import AssessmentMoment
from ..selectors import assessment_placement_for_user, can_plan_assessment
from .coverage import plan_coverage
from .forms import AssessmentPlanForm, MomentForm
from .selectors import moments_of, placement_has_records, plan_of
from .services import assessment_plan_save, moment_delete, moment_save

ONLY_PLANNERS = gettext_lazy("Only the work mentor and the school supervisor decide what is assessed and how.")


@login_required
def assessment_plan(request, pk):
    placement = assessment_placement_for_user(request.user, pk)
    plan = plan_of(placement)
    context = {"placement": placement, "plan": plan, "can_plan": can_plan_assessment(request.user, placement)}
    if plan is not None:
        context["moments"] = list(moments_of(plan))
        context["coverage"] = plan_coverage(plan)
    return render(request, "assessments/plans/plan_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def assessment_plan_edit(request, pk):
    placement = assessment_placement_for_user(request.user, pk)
    require(can_plan_assessment(request.user, placement), ONLY_PLANNERS)
    plan = plan_of(placement)
    version_fixed = plan is not None and placement_has_records(placement)
    options = {"placement": placement, "plan": plan, "version_fixed": version_fixed}
    if request.method == "POST" and "show_indicators" not in request.POST:
        form = AssessmentPlanForm(request.POST, **options)
        if form.is_valid():
            try:
                assessment_plan_save(
                    placement=placement,
                    by=request.user,
                    framework_version=form.cleaned_data["framework_version"],
                    indicators=form.cleaned_data["indicators"],
                    notes=form.cleaned_data["notes"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The assessment plan has been saved."))
                return redirect("assessment_plan", pk=placement.pk)
    else:
        # Another version was chosen (by htmx, or by the button when scripts are off): show its indicators.
        source = request.POST if request.method == "POST" else request.GET
        initial = {"notes": source["notes"]} if "notes" in source else None
        form = AssessmentPlanForm(chosen=source.get("framework_version"), initial=initial, **options)
    return render(
        request,
        "assessments/plans/plan_form.html",
        {"placement": placement, "plan": plan, "form": form, "version_fixed": version_fixed},
    )


def _moment_form_page(request, placement, form, section):
    return placement_form_page(request, placement, form, section=section, tab="assessment_plan")


def _planned(request, pk):
    placement = assessment_placement_for_user(request.user, pk)
    require(can_plan_assessment(request.user, placement), ONLY_PLANNERS)
    return placement, plan_of(placement)


@login_required
@require_http_methods(["GET", "POST"])
def assessment_moment_new(request, pk):
    placement, plan = _planned(request, pk)
    if plan is None:
        messages.error(request, _("Make the assessment plan first; then plan when the assessments happen."))
        return redirect("assessment_plan", pk=placement.pk)
    form = MomentForm(request.POST or None, placement=placement)
    if request.method == "POST" and form.is_valid():
        try:
            moment_save(plan=plan, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The assessment moment has been added."))
            return redirect("assessment_plan", pk=placement.pk)
    return _moment_form_page(request, placement, form, _("New assessment moment"))


@login_required
@require_http_methods(["GET", "POST"])
def assessment_moment_edit(request, pk, moment_pk):
    placement, _plan = _planned(request, pk)
    moment = get_object_or_404(AssessmentMoment, pk=moment_pk, plan__placement=placement)
    form = MomentForm(request.POST or None, instance=moment, placement=placement)
    if request.method == "POST" and form.is_valid():
        try:
            moment_save(plan=moment.plan, moment=moment, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The assessment moment has been saved."))
            return redirect("assessment_plan", pk=placement.pk)
    return _moment_form_page(request, placement, form, _("Edit assessment moment"))


@login_required
@require_POST
def assessment_moment_delete(request, pk, moment_pk):
    placement, _plan = _planned(request, pk)
    moment = get_object_or_404(AssessmentMoment, pk=moment_pk, plan__placement=placement)
    try:
        moment_delete(moment=moment)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The assessment moment has been removed."))
    return redirect("assessment_plan", pk=placement.pk)
