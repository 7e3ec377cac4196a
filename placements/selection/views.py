"""Fair selection interviews (work process 1.1): criteria, score sheets, the comparison and the decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.views import add_service_errors, require

from ..models import Candidate, Opening
from ..recruitment.access import candidate_for_user, opening_for_user
from . import services
from .forms import (
    AnonymisedForm,
    AppointForm,
    CriterionForm,
    DecisionForm,
    InterviewersForm,
    ScoreSheetForm,
)
from .selectors import (
    SCORE_LABELS,
    SCOREABLE_STATUSES,
    SelectionAccess,
    appointed_count,
    comparison,
    criteria_fixed_reason,
    criteria_of,
    criterion_for_user,
    interviewer_choices,
    interviewers_of,
    learner_school_id,
    missing_for_appointment,
    others_sheets,
    profile_of,
    selection_access,
    sheet_of,
    sheet_rows,
)
from .services import ALLOWED_DECISIONS, CriteriaFixed

NOT_IN_TEAM = gettext_lazy("Only the company admins and the interviewers of this opening take part in its selection.")
ONLY_ADMIN = gettext_lazy("Only the company admins of this opening's company can do this.")
ONLY_INTERVIEWERS = gettext_lazy("Only the interviewers of this opening score its candidates.")


# --- Criteria, interviewers and the way of scoring ------------------------------------------------------


def _criteria_page(request, opening: Opening, access: SelectionAccess, *, status=200, refusal=None, **forms):
    fixed = opening.criteria_are_fixed
    if access.manages:
        forms.setdefault("form", None if fixed else CriterionForm())
        forms.setdefault("interviewers_form", InterviewersForm(opening=opening, choices=interviewer_choices(opening)))
        forms.setdefault(
            "anonymised_form",
            None if fixed else AnonymisedForm(initial={"anonymised_scoring": opening.anonymised_scoring}),
        )
    return render(
        request,
        "placements/selection/criteria.html",
        {
            "opening": opening,
            "criteria": list(criteria_of(opening)),
            "interviewers": interviewers_of(opening),
            "can_manage": access.manages,
            "refusal": refusal,
            "fixed_reason": criteria_fixed_reason(opening),
            **forms,
        },
        status=status,
    )


def _fixed(request, opening: Opening, access: SelectionAccess, error: ValidationError):
    """The criteria are fixed: say why, with 409 Conflict, and change nothing."""
    opening.refresh_from_db(fields=["criteria_locked_at", "anonymised_scoring"])  # fixed by someone else meanwhile
    return _criteria_page(request, opening, access, status=409, refusal=" ".join(error.messages))


def _manager_opening(request, pk) -> tuple[Opening, SelectionAccess]:
    opening = opening_for_user(request.user, pk)
    access = selection_access(request.user, opening)
    require(access.manages or access.interviews, NOT_IN_TEAM)
    require(access.manages or request.method == "GET", ONLY_ADMIN)
    return opening, access


@login_required
@require_http_methods(["GET", "POST"])
def selection_criteria(request, pk):
    opening, access = _manager_opening(request, pk)
    if request.method == "GET":
        return _criteria_page(request, opening, access)
    if opening.criteria_are_fixed:
        return _criteria_page(request, opening, access, status=409, refusal=criteria_fixed_reason(opening))
    form = CriterionForm(request.POST)
    if form.is_valid():
        try:
            services.criterion_add(opening=opening, **form.cleaned_data)
        except CriteriaFixed as exc:
            return _fixed(request, opening, access, exc)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The criterion has been added."))
            return redirect("selection_criteria", pk=opening.pk)
    return _criteria_page(request, opening, access, form=form, status=400)


def _criterion(request, pk):
    criterion = criterion_for_user(request.user, pk)
    access = selection_access(request.user, criterion.opening)
    require(access.manages or access.interviews, NOT_IN_TEAM)
    require(access.manages, ONLY_ADMIN)
    return criterion, access


@login_required
@require_http_methods(["GET", "POST"])
def selection_criterion_edit(request, pk):
    criterion, access = _criterion(request, pk)
    opening = criterion.opening
    if opening.criteria_are_fixed:
        return _criteria_page(request, opening, access, status=409, refusal=criteria_fixed_reason(opening))
    form = CriterionForm(request.POST or None, instance=criterion)
    if request.method == "POST" and form.is_valid():
        try:
            services.criterion_update(
                criterion=criterion, title=form.cleaned_data["title"], questions=form.cleaned_data["questions"]
            )
        except CriteriaFixed as exc:
            return _fixed(request, opening, access, exc)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The criterion has been saved."))
            return redirect("selection_criteria", pk=opening.pk)
    return render(
        request,
        "placements/selection/criterion_form.html",
        {"opening": opening, "criterion": criterion, "form": form},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def selection_criterion_delete(request, pk):
    criterion, access = _criterion(request, pk)
    try:
        services.criterion_delete(criterion=criterion)
    except CriteriaFixed as exc:
        return _fixed(request, criterion.opening, access, exc)
    messages.success(request, _("The criterion “%(title)s” has been removed.") % {"title": criterion.title})
    return redirect("selection_criteria", pk=criterion.opening_id)


@login_required
@require_POST
def selection_criterion_move(request, pk):
    criterion, access = _criterion(request, pk)
    try:
        services.criterion_move(criterion=criterion, direction=request.POST.get("direction", ""))
    except CriteriaFixed as exc:
        return _fixed(request, criterion.opening, access, exc)
    except ValidationError as exc:
        return _criteria_page(request, criterion.opening, access, status=400, refusal=" ".join(exc.messages))
    return redirect("selection_criteria", pk=criterion.opening_id)


@login_required
@require_POST
def selection_interviewers(request, pk):
    opening, access = _manager_opening(request, pk)
    form = InterviewersForm(request.POST, opening=opening, choices=interviewer_choices(opening))
    if form.is_valid():
        try:
            services.interviewers_set(opening=opening, interviewers=form.cleaned_data["interviewers"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The interviewers have been saved."))
            return redirect("selection_criteria", pk=opening.pk)
    return _criteria_page(request, opening, access, interviewers_form=form, status=400)


@login_required
@require_POST
def selection_anonymised(request, pk):
    opening, access = _manager_opening(request, pk)
    form = AnonymisedForm(request.POST)
    form.is_valid()  # always valid: a box left unticked means "not anonymised"
    try:
        services.scoring_anonymised_set(opening=opening, anonymised=form.cleaned_data["anonymised_scoring"])
    except CriteriaFixed as exc:
        return _fixed(request, opening, access, exc)
    messages.success(
        request,
        _("Scoring is anonymised: interviewers see an alias until they have submitted their sheet.")
        if opening.anonymised_scoring
        else _("Scoring is not anonymised: interviewers see the candidates' names."),
    )
    return redirect("selection_criteria", pk=opening.pk)


# --- One candidate: profile, questions, my score sheet, others' sheets ----------------------------------


def _selection_candidate(request, pk) -> tuple[Candidate, SelectionAccess]:
    candidate = candidate_for_user(request.user, pk)
    access = selection_access(request.user, candidate.opening)
    require(access.manages or access.interviews, NOT_IN_TEAM)
    return candidate, access


def _candidate_page(request, candidate: Candidate, access: SelectionAccess, *, form=None, status=200):
    opening = candidate.opening
    own = sheet_of(request.user, candidate) if access.interviews else None
    criteria = list(criteria_of(opening))
    can_score = (
        access.interviews
        and bool(criteria)
        and candidate.status in SCOREABLE_STATUSES
        and (own is None or own.submitted_at is None)
    )
    if can_score and form is None:
        form = ScoreSheetForm(criteria=criteria, sheet=own)
    return render(
        request,
        "placements/selection/candidate.html",
        {
            "candidate": candidate,
            "opening": opening,
            "profile": profile_of(candidate),
            "hidden": access.identity_hidden(opening, own),
            "criteria": criteria,
            "own": own,
            "own_rows": sheet_rows(own, criteria) if own is not None and own.submitted_at else [],
            "form": form if can_score else None,
            "others": [
                (sheet, sheet_rows(sheet, criteria)) for sheet in others_sheets(request.user, candidate, access, own)
            ],
            "reads_others": access.reads_others(own),
            "access": access,
            "score_labels": SCORE_LABELS,
        },
        status=status,
    )


@login_required
@require_GET
def selection_candidate(request, pk):
    candidate, access = _selection_candidate(request, pk)
    return _candidate_page(request, candidate, access)


@login_required
@require_POST
def selection_score(request, pk):
    candidate, access = _selection_candidate(request, pk)
    require(access.interviews, ONLY_INTERVIEWERS)
    own = sheet_of(request.user, candidate)
    require(
        own is None or own.submitted_at is None,
        _("You have submitted your score sheet for this candidate; it can no longer change."),
    )
    require(
        candidate.status in SCOREABLE_STATUSES,
        _("This candidate is %(status)s; the scores can no longer change.")
        % {"status": candidate.get_status_display()},
    )
    form = ScoreSheetForm(request.POST, criteria=criteria_of(candidate.opening), sheet=own)
    submit = request.POST.get("action") == "submit"
    if form.is_valid():
        try:
            services.sheet_save(candidate=candidate, interviewer=request.user, entries=form.entries(), submit=submit)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Your score sheet has been submitted. You can now read the other interviewers' sheets.")
                if submit
                else _("Your score sheet has been saved as a draft. Nobody else can read it."),
            )
            return redirect("selection_candidate", pk=candidate.pk)
    return _candidate_page(request, candidate, access, form=form, status=400)


# --- All candidates side by side ------------------------------------------------------------------------


@login_required
@require_GET
def selection_comparison(request, pk):
    opening = opening_for_user(request.user, pk)
    access = selection_access(request.user, opening)
    require(access.manages or access.interviews, NOT_IN_TEAM)
    reveal = access.manages and request.GET.get("names") == "1"
    return render(
        request,
        "placements/selection/comparison.html",
        {
            "opening": opening,
            "table": comparison(request.user, opening, access, reveal_names=reveal),
            "access": access,
            "reveal": reveal,
            "score_labels": SCORE_LABELS,
        },
    )


# --- The decision ---------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def selection_decide(request, pk):
    candidate, access = _selection_candidate(request, pk)
    require(access.manages, _("Only the company admins of this opening's company decide on candidates."))
    allowed = ALLOWED_DECISIONS.get(candidate.status, ())
    profile = profile_of(candidate)
    chosen = request.POST.get("form") if request.method == "POST" else None
    appoint_form = (
        AppointForm(
            request.POST if chosen == "appoint" else None,
            candidate=candidate,
            school_id=learner_school_id(candidate, profile),
            programme=profile.programme if profile else None,
            prefix="appoint",
        )
        if Candidate.Status.APPOINTED in allowed
        else None
    )
    decision_form = DecisionForm(request.POST if chosen == "decide" else None, prefix="decide") if allowed else None
    form = {"appoint": appoint_form, "decide": decision_form}.get(chosen) if chosen else None
    status = 200
    if request.method == "POST":
        require(form is not None, _("This candidate has been decided on already."))
        if form.is_valid():
            try:
                services.candidate_decide(
                    candidate=candidate,
                    by=request.user,
                    status=Candidate.Status.APPOINTED if form is appoint_form else form.cleaned_data["status"],
                    reason=form.cleaned_data.get("reason", ""),
                    appointment=form.appointment() if form is appoint_form else None,
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                candidate.refresh_from_db()
                messages.success(
                    request,
                    _("The candidate is now %(status)s; they will be told by e-mail.")
                    % {"status": candidate.get_status_display()},
                )
                return redirect("selection_candidate", pk=candidate.pk)
        status = 400
    return render(
        request,
        "placements/selection/decide.html",
        {
            "candidate": candidate,
            "opening": candidate.opening,
            "profile": profile,
            "missing": missing_for_appointment(candidate) if appoint_form else [],
            "places_left": candidate.opening.places - appointed_count(candidate.opening),
            "appoint_form": appoint_form,
            "decision_form": decision_form,
        },
        status=status,
    )
