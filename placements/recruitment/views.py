"""Openings (work profiles), applications and proposals, and matching an opening to learners."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.views import add_service_errors, require

from ..models import Candidate, Opening
from .access import (
    can_create_openings,
    can_manage_opening,
    can_propose_for_school,
    can_see_candidates,
    is_company_side,
    opening_for_user,
)
from .filters import OpeningFilter
from .forms import ApplyForm, OpeningForm, ProposeForm
from .intake_reads import attach_workplace_fits
from .matching import country_name, match
from .selectors import (
    application_for_learner,
    application_of,
    application_statuses,
    applications_of,
    can_browse_openings,
    can_propose,
    companies_for_new_openings,
    is_learner,
    learner_view,
    learners_of,
    managed_openings,
    profile_of,
    proposable_learners,
    published_openings,
    ranked_candidates,
    ranked_learners,
)
from .services import (
    STATUS_ACTIONS,
    candidate_apply,
    candidate_propose,
    candidate_withdraw,
    opening_change_status,
    opening_create,
    opening_update,
)

PAGE_SIZE = 25
MANAGERS_ONLY = _("Only the company's admins can change its openings.")


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
def opening_list(request):
    require(can_browse_openings(request.user), _("Openings are for learners, schools and host companies."))
    manages = can_create_openings(request.user)
    scope = "mine" if manages and request.GET.get("scope") != "published" else "published"
    openings = managed_openings(request.user) if scope == "mine" else published_openings()
    opening_filter = OpeningFilter(request.GET or None, queryset=openings, with_status=scope == "mine")
    page = Paginator(opening_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    applied = application_statuses(request.user, page.object_list) if is_learner(request.user) else {}
    return render(
        request,
        "placements/openings/opening_list.html",
        {
            "filter": opening_filter,
            "page": page,
            "query": _query_without_page(request),
            "scope": scope,
            "can_create": manages,
            "is_learner": is_learner(request.user),
            "rows": [(opening, applied.get(opening.pk)) for opening in page.object_list],
        },
    )


def _form_page(request, form, opening=None, status=200):
    return render(request, "placements/openings/opening_form.html", {"form": form, "opening": opening}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def opening_new(request):
    require(can_create_openings(request.user), _("Only company admins can add openings."))
    companies = list(companies_for_new_openings(request.user))
    form = OpeningForm(request.POST or None, companies=companies)
    if request.method == "POST" and form.is_valid():
        try:
            opening = opening_create(company=form.company, by=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The opening has been saved as a draft. Publish it when it is ready."))
            return redirect("opening_detail", pk=opening.pk)
    return _form_page(request, form)


@login_required
@require_http_methods(["GET", "POST"])
def opening_edit(request, pk):
    opening = opening_for_user(request.user, pk)
    require(can_manage_opening(request.user, opening), MANAGERS_ONLY)
    form = OpeningForm(request.POST or None, instance=opening, companies=[opening.company])
    if request.method == "POST" and form.is_valid():
        try:
            opening_update(opening=opening, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The opening has been saved."))
            return redirect("opening_detail", pk=opening.pk)
    return _form_page(request, form, opening)


STATUS_DONE = {
    "publish": _("The opening is published: learners and schools can see it now."),
    "close": _("The opening is closed: it takes no new candidates."),
    "reopen": _("The opening is published again."),
}


@login_required
@require_POST
def opening_status(request, pk):
    opening = opening_for_user(request.user, pk)
    require(can_manage_opening(request.user, opening), MANAGERS_ONLY)
    action = request.POST.get("action", "")
    if action not in STATUS_ACTIONS:
        return render(request, "400.html", status=400)
    try:
        opening_change_status(opening=opening, action=action)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, STATUS_DONE[action])
    return redirect("opening_detail", pk=opening.pk)


def _status_actions(opening: Opening) -> list[str]:
    return [action for action, (sources, _target) in STATUS_ACTIONS.items() if opening.status in sources]


def _detail(request, opening, *, apply_form=None, propose_form=None, status=200):
    user = request.user
    published = opening.status == Opening.Status.PUBLISHED
    context = {
        "opening": opening,
        "country": country_name(opening.country),
        "programmes": opening.programmes.select_related("school").order_by("name"),
        "tasks": opening.tasks.splitlines(),
        "can_manage": can_manage_opening(user, opening),
        "status_actions": _status_actions(opening),
        "can_see_candidates": can_see_candidates(user, opening),
        "is_learner": is_learner(user),
        "can_propose": can_propose(user) and published,
    }
    if context["is_learner"]:
        application = application_of(user, opening)
        profile = profile_of(user)
        context.update(
            application=learner_view(application) if application else None,
            profile=profile,
            my_match=match(opening, profile, opening.company.sector) if profile else None,
            apply_form=apply_form or (ApplyForm() if published and application is None else None),
        )
    if context["can_propose"]:
        learners = proposable_learners(opening, can_propose_for_school(user))
        context["propose_form"] = propose_form or ProposeForm(learners=learners)
    if context["can_see_candidates"]:
        context["ranked"] = ranked_candidates(opening)
    return render(request, "placements/openings/opening_detail.html", context, status=status)


@login_required
def opening_detail(request, pk):
    return _detail(request, opening_for_user(request.user, pk))


@login_required
@require_POST
def opening_apply(request, pk):
    opening = opening_for_user(request.user, pk)
    require(is_learner(request.user), _("Only learners can apply for an opening."))
    if profile_of(request.user) is None:
        messages.info(request, _("Fill in your candidate profile first: the company reads it with your application."))
        return redirect(f"{reverse('candidate_profile_edit')}?next={reverse('opening_detail', args=[opening.pk])}")
    form = ApplyForm(request.POST)
    if not form.is_valid():
        return _detail(request, opening, apply_form=form, status=400)
    try:
        candidate_apply(opening=opening, learner=request.user, motivation=form.cleaned_data["motivation"])
    except ValidationError as exc:
        if exc.code == "already_candidate":
            messages.info(request, _("You have already applied for this opening; see its status below."))
        else:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Your application has been sent. You can follow it under “My applications”."))
    return redirect("opening_detail", pk=opening.pk)


@login_required
@require_POST
def opening_propose(request, pk):
    opening = opening_for_user(request.user, pk)
    school_ids = can_propose_for_school(request.user)
    require(school_ids is None or bool(school_ids), _("Only school staff can propose learners."))
    form = ProposeForm(request.POST, learners=learners_of(school_ids))
    if not form.is_valid():
        form.fields["learner"].queryset = proposable_learners(opening, school_ids)
        return _detail(request, opening, propose_form=form, status=400)
    learner = form.cleaned_data["learner"]
    try:
        candidate_propose(
            opening=opening, learner=learner, by=request.user, school_ids=school_ids, note=form.cleaned_data["note"]
        )
    except ValidationError as exc:
        if exc.code == "no_profile":
            messages.info(
                request,
                _("Fill in the candidate profile of %(name)s first: the company reads it to decide.")
                % {"name": learner.get_full_name()},
            )
            next_url = reverse("opening_detail", args=[opening.pk])
            return redirect(f"{reverse('learner_profile_edit', args=[learner.pk])}?next={next_url}")
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(name)s has been proposed as a candidate.") % {"name": learner.get_full_name()})
    return redirect("opening_detail", pk=opening.pk)


@login_required
@require_POST
def application_withdraw(request, pk):
    candidate = application_for_learner(request.user, pk)
    try:
        candidate_withdraw(candidate=candidate, learner=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Your application has been withdrawn."))
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(next_url)  # a URL, never a view name (redirect("-1") would raise)
    return redirect("my_applications")


@login_required
def my_applications(request):
    require(is_learner(request.user), _("Only learners apply for openings."))
    return render(
        request,
        "placements/openings/my_applications.html",
        {"applications": applications_of(request.user), "open_status": Candidate.Status.OPEN},
    )


@login_required
def opening_matches(request, pk):
    opening = opening_for_user(request.user, pk)
    team = can_see_candidates(request.user, opening)
    school_ids = can_propose_for_school(request.user)
    school_staff = school_ids is None or bool(school_ids)
    require(team or school_staff, _("Matches are for the selection team and for school staff."))
    learners = None
    if school_staff:
        learners = Paginator(ranked_learners(opening, school_ids), PAGE_SIZE).get_page(request.GET.get("page"))
    ranked = ranked_candidates(opening) if team else None
    attach_workplace_fits(opening, ranked, learners, company_side=is_company_side(request.user, opening))
    return render(
        request,
        "placements/openings/opening_matches.html",
        {
            "opening": opening,
            "ranked": ranked,
            "page": learners,
            "query": _query_without_page(request),
            "can_propose": school_staff and opening.status == Opening.Status.PUBLISHED,
        },
    )
