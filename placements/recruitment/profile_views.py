"""A learner's candidate profile and the openings that match it: for the learner and for their school's staff."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.paging import page_of
from core.views import add_service_errors, require

from .forms import CandidateProfileForm
from .intake_reads import intake_of, profile_draft
from .selectors import (
    application_statuses,
    is_learner,
    learner_for_staff,
    profile_of,
    profile_schools,
    ranked_openings,
)
from .services import profile_save

PAGE_SIZE = 25
LEARNERS_ONLY = _("Only learners have a candidate profile.")


def _urls(learner, own: bool) -> dict:
    if own:
        return {
            "profile_url": reverse("candidate_profile"),
            "edit_url": reverse("candidate_profile_edit"),
            "matches_url": reverse("candidate_matches"),
        }
    return {
        "profile_url": reverse("learner_profile", args=[learner.pk]),
        "edit_url": reverse("learner_profile_edit", args=[learner.pk]),
        "matches_url": reverse("candidate_matches", args=[learner.pk]),
    }


def _learner(request, user_pk):
    """The learner whose profile this is, and whether it is the person asking."""
    if user_pk is None:
        require(is_learner(request.user), LEARNERS_ONLY)
        return request.user, True
    return learner_for_staff(request.user, user_pk), False


def _profile_page(request, user_pk=None):
    if user_pk is not None and user_pk == request.user.pk:
        return redirect("candidate_profile")
    learner, own = _learner(request, user_pk)
    return render(
        request,
        "placements/candidates/profile_detail.html",
        {"learner": learner, "own": own, "profile": profile_of(learner), **_urls(learner, own)},
    )


def _intake_draft(request, learner, profile, own: bool) -> dict:
    """With ?draft=intake, the job coach's form starts from the intake: it only pre-fills empty fields and saves
    nothing until the form is saved, so reviewing it is the confirmation."""
    if own or request.method != "GET" or request.GET.get("draft") != "intake":
        return {}
    intake = intake_of(learner)
    drafted = profile_draft(intake, profile) if intake else {}
    if drafted:
        messages.info(request, _("Drafted from the intake: check the filled-in fields and save. Nothing is saved yet."))
    else:
        messages.info(request, _("The intake has nothing to add to the empty fields of this profile."))
    return drafted


def _edit_page(request, user_pk=None):
    if user_pk is not None and user_pk == request.user.pk:
        return redirect("candidate_profile_edit")
    learner, own = _learner(request, user_pk)
    profile = profile_of(learner)
    schools = profile_schools(learner, None if own else request.user)
    drafted = _intake_draft(request, learner, profile, own)
    form = CandidateProfileForm(request.POST or None, instance=profile, schools=schools, initial=drafted)
    urls = _urls(learner, own)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    if request.method == "POST" and form.is_valid():
        try:
            profile_save(learner=learner, school=form.school, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The candidate profile has been saved."))
            return HttpResponseRedirect(next_url or urls["profile_url"])  # URLs, never view names
    return render(
        request,
        "placements/candidates/profile_form.html",
        {"learner": learner, "own": own, "profile": profile, "form": form, "next": next_url, **urls},
    )


def _matches_page(request, user_pk=None):
    if user_pk is not None and user_pk == request.user.pk:
        return redirect("candidate_matches")
    learner, own = _learner(request, user_pk)
    profile = profile_of(learner)
    page = page_of(ranked_openings(profile) if profile else [], request, per_page=PAGE_SIZE)
    applied = application_statuses(learner) if profile else {}
    return render(
        request,
        "placements/candidates/candidate_matches.html",
        {
            "learner": learner,
            "own": own,
            "profile": profile,
            "page": page,
            "rows": [(opening, result, applied.get(opening.pk)) for opening, result in page.object_list],
            **_urls(learner, own),
        },
    )


@login_required
def candidate_profile(request):
    return _profile_page(request)


@login_required
@require_http_methods(["GET", "POST"])
def candidate_profile_edit(request):
    return _edit_page(request)


@login_required
def learner_profile(request, user_pk):
    return _profile_page(request, user_pk)


@login_required
@require_http_methods(["GET", "POST"])
def learner_profile_edit(request, user_pk):
    return _edit_page(request, user_pk)


@login_required
def candidate_matches(request, user_pk=None):
    return _matches_page(request, user_pk)
