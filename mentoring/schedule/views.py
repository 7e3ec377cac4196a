"""The coaching schedule of a placement, the learner's preparation, and the missed sessions of one's placements."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.paging import page_of
from core.views import add_service_errors, require
from placements.selectors import is_learner_of, is_mentor_of

from ..selectors import coaching_placement_for_user
from .forms import PreparationForm
from .selectors import missed_planned_sessions_for, planned_sessions_for_placement
from .services import planned_session_prepare

PAGE_SIZE = 25


@login_required
def schedule(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    plan = getattr(placement, "coaching_plan", None)
    return render(
        request,
        "mentoring/schedule/schedule.html",
        {
            "placement": placement,
            "interval_weeks": plan.session_interval_weeks if plan else None,
            "planned_sessions": planned_sessions_for_placement(placement),
            "is_learner": is_learner_of(request.user, placement),
            "is_mentor": is_mentor_of(request.user, placement),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def prepare(request, pk, planned_pk):
    placement = coaching_placement_for_user(request.user, pk)
    planned = get_object_or_404(planned_sessions_for_placement(placement), pk=planned_pk)
    require(is_learner_of(request.user, placement), gettext_lazy("Only the learner prepares a planned session."))
    form = PreparationForm(request.POST or None, instance=planned)
    if request.method == "POST" and form.is_valid():
        try:
            planned_session_prepare(planned=planned, by=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your preparation has been saved; your mentor can read it."))
            return redirect("mentoring_schedule", pk=placement.pk)
    return render(
        request,
        "mentoring/schedule/prepare.html",
        {"placement": placement, "planned": planned, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def missed_sessions(request):
    page = page_of(missed_planned_sessions_for(request.user), request, per_page=PAGE_SIZE)
    return render(request, "mentoring/schedule/missed.html", {"page": page})
