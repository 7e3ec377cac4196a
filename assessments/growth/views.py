"""The mentor's personal development plan and self-assessments (work process 1.6): only the mentor sees them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.views import add_service_errors

from .forms import GoalForm, PlanForm, SelfAssessmentForm
from .profile import GROUP_TITLES, coach_profile, item_title
from .selectors import (
    can_keep_growth_plan,
    compare,
    goal_for_user,
    goals_of,
    plan_of,
    self_assessment_for_user,
    self_assessments_of,
)
from .services import goal_create, goal_delete, goal_update, plan_save, self_assessment_create

MAX_COMPARED = 4


def require_mentor(user) -> None:
    if not can_keep_growth_plan(user):
        raise PermissionDenied(_("Only work mentors keep a personal development plan."))


def _plan_page(request, profile, *, plan_form=None, goal_form=None, status=200):
    plan = plan_of(request.user)
    goals = list(goals_of(request.user))
    for goal in goals:
        goal.item_title = item_title(profile, goal.profile_item)
    latest = self_assessments_of(request.user).first()
    return render(
        request,
        "assessments/growth/plan.html",
        {
            "plan": plan,
            "goals": goals,
            "latest": latest,
            "plan_form": plan_form or PlanForm(initial={"ambition": plan.ambition if plan else ""}),
            "goal_form": goal_form or GoalForm(profile=profile),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def growth_plan(request):
    require_mentor(request.user)
    profile = coach_profile()
    if request.method == "POST":
        form = PlanForm(request.POST)
        if form.is_valid():
            plan_save(mentor=request.user, ambition=form.cleaned_data["ambition"])
            messages.success(request, _("Your development plan has been saved."))
            return redirect("growth_plan")
        return _plan_page(request, profile, plan_form=form, status=400)
    return _plan_page(request, profile)


@login_required
@require_POST
def growth_goal_new(request):
    require_mentor(request.user)
    profile = coach_profile()
    form = GoalForm(request.POST, profile=profile)
    if form.is_valid():
        try:
            goal_create(mentor=request.user, profile=profile, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The goal has been added to your plan."))
            return redirect("growth_plan")
    return _plan_page(request, profile, goal_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def growth_goal_edit(request, pk):
    require_mentor(request.user)
    goal = goal_for_user(request.user, pk)
    profile = coach_profile()
    form = GoalForm(request.POST or None, instance=goal, profile=profile)
    if request.method == "POST" and form.is_valid():
        try:
            goal_update(goal=goal, profile=profile, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The goal has been saved."))
            return redirect("growth_plan")
    status = 400 if form.is_bound else 200
    saved = goal_for_user(request.user, pk) if form.is_bound else goal
    return render(request, "assessments/growth/goal_form.html", {"form": form, "goal": saved}, status=status)


@login_required
@require_POST
def growth_goal_delete(request, pk):
    require_mentor(request.user)
    goal_delete(goal=goal_for_user(request.user, pk))
    messages.success(request, _("The goal has been removed from your plan."))
    return redirect("growth_plan")


@login_required
@require_GET
def growth_self_assessments(request):
    require_mentor(request.user)
    assessments = list(self_assessments_of(request.user))
    return render(request, "assessments/growth/self_assessments.html", {"assessments": assessments})


@login_required
@require_http_methods(["GET", "POST"])
def growth_self_assessment_new(request):
    require_mentor(request.user)
    profile = coach_profile()
    if profile.version is None:
        raise PermissionDenied(_("The coach competency profile is not installed."))
    previous = self_assessments_of(request.user).first()
    initial = {f"score_{key}": value for key, value in previous.scores.items()} if previous else {}
    form = SelfAssessmentForm(request.POST or None, profile=profile, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            assessment = self_assessment_create(
                mentor=request.user,
                profile=profile,
                scores=form.scores(),
                reflection=form.cleaned_data["reflection"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your self-assessment has been saved."))
            if previous:
                return redirect(f"{_compare_url()}?ids={previous.pk}&ids={assessment.pk}")
            return redirect(f"{_compare_url()}?ids={assessment.pk}")
    return render(
        request,
        "assessments/growth/self_assessment_form.html",
        {"form": form, "previous": previous},
        status=400 if form.is_bound else 200,
    )


def _compare_url() -> str:
    return reverse("growth_compare")


def _ids(request) -> list[int]:
    ids = []
    for value in request.GET.getlist("ids"):
        # Only plain digits within the database's range: anything else names no self-assessment.
        if value.isascii() and value.isdigit() and 0 < int(value) < 2**63:
            ids.append(int(value))
    return list(dict.fromkeys(ids))


@login_required
@require_GET
def growth_compare(request):
    """Two or more self-assessments side by side, per item then → now; the two newest by default."""
    require_mentor(request.user)
    mine = self_assessments_of(request.user)
    ids = _ids(request)
    if ids:
        chosen = list(mine.filter(pk__in=ids[:MAX_COMPARED]))
        if len(chosen) != len(ids[:MAX_COMPARED]):
            # Someone else's (or a removed) self-assessment is named: as if it did not exist.
            self_assessment_for_user(request.user, next(i for i in ids if i not in {a.pk for a in chosen}))
    else:
        chosen = list(mine[:2])
    chosen.sort(key=lambda a: (a.created_at, a.pk))
    profile = coach_profile(chosen[-1].version if chosen else None)
    rows = compare(profile, chosen)
    return render(
        request,
        "assessments/growth/compare.html",
        {
            "assessments": chosen,
            "groups": _grouped(rows),
            "max_compared": MAX_COMPARED,
            "all_assessments": list(mine),
        },
    )


def _grouped(rows):
    return [
        (title, [row for row in rows if row.item.group == group])
        for group, title in GROUP_TITLES.items()
        if any(row.item.group == group for row in rows)
    ]
