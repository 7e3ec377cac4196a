from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.attachments import ALLOWED
from core.paging import offered, page_of
from core.private_files import private_file_response
from core.views import add_service_errors, require
from mentoring.models import CoachingSession

from ..models import Evidence
from ..plans.selectors import evidence_for_placement, plan_of, planned_competencies, planned_indicators
from ..selectors import assessment_placement_for_user, can_add_evidence
from .forms import EvidenceFilterForm, EvidenceForm
from .services import evidence_add, evidence_delete

PAGE_SIZE = 20
# Evidence is mostly about what was seen lately: the form offers the most recent sessions, not a placement's thousand.
SESSIONS_OFFERED = 20


@login_required
def evidence_list(request, pk):
    placement = assessment_placement_for_user(request.user, pk)
    plan = plan_of(placement)
    filter_form = EvidenceFilterForm(
        request.GET or None,
        competencies=planned_competencies(plan),
        indicators=planned_indicators(plan),
    )
    filters = filter_form.chosen()
    evidence = evidence_for_placement(placement, **filters)
    page = page_of(evidence, request, per_page=PAGE_SIZE)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "assessments/evidence/evidence_list.html",
        {
            "placement": placement,
            "plan": plan,
            "page": page,
            "query": query.urlencode(),
            "filter_form": filter_form,
            "filters": filters,
            "can_add": plan is not None and can_add_evidence(request.user, placement),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def evidence_new(request, pk):
    placement = assessment_placement_for_user(request.user, pk)
    require(
        can_add_evidence(request.user, placement),
        _("Only the learner, the work mentor and the school supervisor add evidence."),
    )
    plan = plan_of(placement)
    if plan is None:
        messages.error(request, _("There is no assessment plan yet: evidence is tagged with the indicators it plans."))
        return redirect("evidence_list", pk=placement.pk)
    sessions = CoachingSession.objects.filter(placement=placement)
    form = EvidenceForm(
        request.POST or None,
        request.FILES or None,
        # Sessions ticked before a form error stay on offer, also older ones.
        sessions=offered(sessions, sessions, SESSIONS_OFFERED, keep=request.POST.getlist("sessions")),
        indicators=planned_indicators(plan),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            evidence_add(
                placement=placement,
                by=request.user,
                title=data["title"],
                text=data["text"],
                upload=data["file"],
                sessions=data["sessions"],
                indicators=data["indicators"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The evidence has been added."))
            return redirect("evidence_list", pk=placement.pk)
    return render(
        request,
        "assessments/evidence/evidence_form.html",
        {"placement": placement, "form": form, "sessions_total": sessions.count(), "sessions_shown": SESSIONS_OFFERED},
    )


@login_required
def evidence_file(request, pk, evidence_pk):
    placement = assessment_placement_for_user(request.user, pk)
    evidence = get_object_or_404(Evidence, pk=evidence_pk, placement=placement)
    if not evidence.file:
        raise Http404("This evidence has no file.")
    content_type = ALLOWED.get(Path(evidence.file.name).suffix.lower(), ("application/octet-stream",))[0]
    return private_file_response(
        evidence.file, filename=evidence.original_name or Path(evidence.file.name).name, content_type=content_type
    )


@login_required
@require_POST
def evidence_remove(request, pk, evidence_pk):
    placement = assessment_placement_for_user(request.user, pk)
    evidence = get_object_or_404(Evidence, pk=evidence_pk, placement=placement)
    require(evidence.added_by_id == request.user.pk, _("Only the person who added this evidence can remove it."))
    evidence_delete(evidence=evidence, by=request.user)
    messages.success(request, _("“%(title)s” has been removed.") % {"title": evidence.title})
    return redirect("evidence_list", pk=placement.pk)
