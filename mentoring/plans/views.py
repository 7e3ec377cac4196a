from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.paging import page_of
from core.views import require
from placements.pages import placement_form_page
from placements.selectors import is_mentor_of

from ..models import LearningGoal, Milestone
from ..models.choices import CoachingForm
from ..selectors import coaching_placement_for_user, is_supervisor_of
from .forms import GoalForm, GoalTrackingForm, MilestoneForm, PlanDecisionForm, PlanForm
from .services import (
    goal_delete,
    goal_save,
    goal_track,
    milestone_delete,
    milestone_reached,
    milestone_save,
    plan_decide,
    plan_for_placement,
    plan_submit,
    plan_update,
)

# A plan has a handful of goals, a few milestones and versions; one kept for years has hundreds, a page at a time.
GOALS_PER_PAGE = 10
MILESTONES_PER_PAGE = 10
VERSIONS_PER_PAGE = 10

ONLY_MENTOR = gettext_lazy("Only the work mentor of this placement drafts the coaching plan.")


def _plan_context(request, placement, invalid_tracking=None, **extra):
    plan = plan_for_placement(placement)
    goals = page_of(plan.goals.prefetch_related("competencies"), request, per_page=GOALS_PER_PAGE, param="goals")
    for goal in goals:
        goal.tracking_form = GoalTrackingForm(instance=goal, prefix=f"goal{goal.pk}")
        if invalid_tracking is not None and invalid_tracking.instance.pk == goal.pk:
            goal.tracking_form = invalid_tracking
    versions = plan.versions.select_related("submitted_by", "decided_by")
    form_labels = dict(CoachingForm.choices)
    return {
        "placement": placement,
        "plan": plan,
        "goals": goals,
        "milestones": page_of(plan.milestones.all(), request, per_page=MILESTONES_PER_PAGE, param="milestones"),
        "versions": page_of(versions, request, per_page=VERSIONS_PER_PAGE, param="versions"),
        "latest_version": versions.first(),
        # The forms on the page post with the pages it shows, so that they come back to them.
        "here": request.GET.urlencode(),
        "can_edit": is_mentor_of(request.user, placement),
        "can_decide": is_supervisor_of(request.user, placement) and plan.status == plan.Status.SUBMITTED,
        "decision_form": PlanDecisionForm(),
        "plan_form_labels": [form_labels[key] for key in plan.coaching_forms if key in form_labels],
        **extra,
    }


def _back_to_plan(request, placement):
    """The plan page at the pages the form was sent from (they are in the form's address)."""
    query = request.GET.urlencode()
    return redirect(reverse("mentoring_plan", args=[placement.pk]) + (f"?{query}" if query else ""))


def _form_page(request, placement, form, section, intro=""):
    return placement_form_page(request, placement, form, section=section, tab="mentoring_plan", intro=intro)


@login_required
def plan_detail(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    return render(request, "mentoring/plans/plan_detail.html", _plan_context(request, placement))


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    require(is_mentor_of(request.user, placement), ONLY_MENTOR)
    plan = plan_for_placement(placement)
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        plan_update(plan=plan, data=form.cleaned_data, by=request.user)
        messages.success(request, _("The manner of coaching has been saved."))
        return redirect("mentoring_plan", pk=placement.pk)
    return _form_page(request, placement, form, _("Manner of coaching"))


@login_required
@require_http_methods(["GET", "POST"])
def goal_edit(request, pk, goal_pk=None):
    placement = coaching_placement_for_user(request.user, pk)
    require(is_mentor_of(request.user, placement), ONLY_MENTOR)
    plan = plan_for_placement(placement)
    goal = get_object_or_404(LearningGoal, pk=goal_pk, plan=plan) if goal_pk else None
    form = GoalForm(request.POST or None, instance=goal, placement=placement)
    if request.method == "POST" and form.is_valid():
        goal_save(plan=plan, goal=goal, data=form.cleaned_data, by=request.user)
        messages.success(request, _("The learning goal has been saved."))
        return redirect("mentoring_plan", pk=placement.pk)
    return _form_page(
        request,
        placement,
        form,
        _("Edit learning goal") if goal else _("New learning goal"),
        intro=_(
            "Write the goal with the learner. Make it SMART: specific, measurable, achievable, relevant, time-bound."
        ),
    )


@login_required
@require_POST
def goal_remove(request, pk, goal_pk):
    placement = coaching_placement_for_user(request.user, pk)
    require(is_mentor_of(request.user, placement), ONLY_MENTOR)
    goal = get_object_or_404(LearningGoal, pk=goal_pk, plan__placement=placement)
    goal_delete(goal=goal, by=request.user)
    messages.success(request, _("The learning goal has been removed."))
    return redirect("mentoring_plan", pk=placement.pk)


@login_required
@require_POST
def goal_tracking(request, pk, goal_pk):
    placement = coaching_placement_for_user(request.user, pk)
    require(is_mentor_of(request.user, placement), _("Only the work mentor updates the progress of goals."))
    goal = get_object_or_404(LearningGoal, pk=goal_pk, plan__placement=placement)
    form = GoalTrackingForm(request.POST, instance=goal, prefix=f"goal{goal.pk}")
    if form.is_valid():
        goal_track(goal=goal, data=form.cleaned_data)
        messages.success(request, _("Progress of “%(goal)s” has been updated.") % {"goal": goal.title})
        return _back_to_plan(request, placement)
    return render(
        request,
        "mentoring/plans/plan_detail.html",
        _plan_context(request, placement, invalid_tracking=form),
        status=400,
    )


@login_required
@require_http_methods(["GET", "POST"])
def milestone_new(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    require(is_mentor_of(request.user, placement), ONLY_MENTOR)
    form = MilestoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        milestone_save(plan=plan_for_placement(placement), data=form.cleaned_data, by=request.user)
        messages.success(request, _("The milestone has been added."))
        return redirect("mentoring_plan", pk=placement.pk)
    return _form_page(request, placement, form, _("New milestone"))


@login_required
@require_POST
def milestone_update(request, pk, milestone_pk):
    placement = coaching_placement_for_user(request.user, pk)
    require(is_mentor_of(request.user, placement), ONLY_MENTOR)
    milestone = get_object_or_404(Milestone, pk=milestone_pk, plan__placement=placement)
    action = request.POST.get("action")
    if action == "delete":
        milestone_delete(milestone=milestone, by=request.user)
    elif action in ("reached", "not_reached"):
        milestone_reached(milestone=milestone, reached=action == "reached")
    else:
        return render(request, "400.html", status=400)
    return _back_to_plan(request, placement)


@login_required
@require_POST
def plan_submit_view(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    require(is_mentor_of(request.user, placement), ONLY_MENTOR)
    try:
        version = plan_submit(plan=plan_for_placement(placement), by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Version %(number)s has been sent to the school supervisor for approval.") % {"number": version.number},
        )
    return redirect("mentoring_plan", pk=placement.pk)


@login_required
@require_POST
def plan_decide_view(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    require(is_supervisor_of(request.user, placement), _("Only the school supervisor attunes the coaching plan."))
    form = PlanDecisionForm(request.POST)
    if form.is_valid():
        try:
            plan_decide(
                plan=plan_for_placement(placement),
                by=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your decision has been recorded."))
            return redirect("mentoring_plan", pk=placement.pk)
    return render(
        request, "mentoring/plans/plan_detail.html", _plan_context(request, placement, decision_form=form), status=400
    )


@login_required
def plan_version(request, pk, number):
    placement = coaching_placement_for_user(request.user, pk)
    version = plan_for_placement(placement).versions.select_related("submitted_by", "decided_by").filter(number=number)
    version = version.first()
    if version is None:
        raise Http404("No such version.")
    return render(request, "mentoring/plans/plan_version.html", {"placement": placement, "version": version})
