"""The job coach's intake of a learner, the workplace of an opening, and a candidate's preparation (seed 004)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.views import require

from ..recruitment.access import (
    candidate_for_preparation,
    is_company_side,
    is_job_coach_of,
    workplace_opening_for_user,
)
from ..recruitment.intake_reads import applications_of_learner, fit_for, intake_of, preparation_of, workplace_of
from ..recruitment.selectors import learner_for_staff, profile_schools
from .forms import CarvingForm, IntakeForm, InterviewForm, WorkplaceForm
from .services import CARVING_FIELDS, INTERVIEW_FIELDS, intake_save, preparation_save, workplace_save

COMPANY_ONLY = gettext_lazy("Only the company's people describe its workplace.")


@login_required
@require_http_methods(["GET", "POST"])
def learner_intake(request, user_pk):
    """The intake by the learner's job coach (school staff of the learner's school); anyone else gets 404."""
    learner = learner_for_staff(request.user, user_pk)
    intake = intake_of(learner)
    form = IntakeForm(request.POST or None, instance=intake)
    if request.method == "POST" and form.is_valid():
        school = intake.school if intake else profile_schools(learner, request.user).first()
        intake_save(learner=learner, school=school, data=form.cleaned_data, by=request.user)
        messages.success(request, _("The intake has been saved."))
        return redirect("learner_intake", user_pk=learner.pk)
    return render(
        request,
        "placements/intake/intake.html",
        {
            "learner": learner,
            "intake": intake,
            "form": form,
            "applications": applications_of_learner(learner),
            "own": False,
            "profile_url": reverse("learner_profile", args=[learner.pk]),
            "matches_url": reverse("candidate_matches", args=[learner.pk]),
            "intake_url": reverse("learner_intake", args=[learner.pk]),
        },
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def opening_workplace(request, pk):
    """The employer orientation and workplace analysis: the company side writes, school staff read."""
    opening = workplace_opening_for_user(request.user, pk)
    can_edit = is_company_side(request.user, opening)
    require(can_edit or request.method == "GET", COMPANY_ONLY)
    workplace = workplace_of(opening)
    form = None
    if can_edit:
        form = WorkplaceForm(request.POST or None, instance=workplace, initial={"culture_notes": opening.culture_notes})
        if request.method == "POST" and form.is_valid():
            workplace_save(opening=opening, data=form.cleaned_data, by=request.user)
            messages.success(request, _("The workplace analysis has been saved."))
            return redirect("opening_workplace", pk=opening.pk)
    return render(
        request,
        "placements/intake/workplace.html",
        {"opening": opening, "workplace": workplace, "form": form},
        status=400 if form is not None and form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def candidate_preparation(request, pk):
    """Job carving (company side and job coach) and interview preparation (job coach only) for one candidate;
    the learner reads both."""
    candidate = candidate_for_preparation(request.user, pk)
    opening, learner = candidate.opening, candidate.learner
    coach = is_job_coach_of(request.user, learner)
    company = is_company_side(request.user, opening)
    preparation = preparation_of(candidate)
    workplace = workplace_of(opening)
    tasks = workplace.tasks if workplace else []
    carving = CarvingForm(instance=preparation, tasks=tasks) if coach or company else None
    interview = InterviewForm(instance=preparation) if coach else None
    if request.method == "POST":
        section = request.POST.get("section")
        require((section == "carving" and carving is not None) or (section == "interview" and interview is not None))
        if section == "carving":
            form, fields = CarvingForm(request.POST, instance=preparation, tasks=tasks), CARVING_FIELDS
            carving = form
        else:
            form, fields = InterviewForm(request.POST, instance=preparation), INTERVIEW_FIELDS
            interview = form
        if form.is_valid():
            preparation_save(candidate=candidate, data=form.cleaned_data, fields=fields)
            messages.success(request, _("The preparation has been saved."))
            return redirect("candidate_preparation", pk=candidate.pk)
    intake = intake_of(learner)
    # The company sees the fit only when the learner agreed to share their intake.
    shows_fit = coach or request.user.pk == learner.pk or (intake is not None and intake.share_with_employer)
    carved = preparation.fitting_tasks if preparation else ()
    return render(
        request,
        "placements/intake/preparation.html",
        {
            "candidate": candidate,
            "opening": opening,
            "preparation": preparation,
            "carving_form": carving,
            "interview_form": interview,
            "shows_interview": coach or request.user.pk == learner.pk,
            "fit": fit_for(workplace, intake, carved) if shows_fit else None,
            "anonymous": opening.anonymised_scoring and not coach and request.user.pk != learner.pk,
        },
        status=400 if request.method == "POST" else 200,
    )
