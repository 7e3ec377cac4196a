"""The coach's critical situations on a placement: record, read the guidance, ask the school for support."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.views import add_service_errors, require

from ..selectors import incident_placement_for_user
from .forms import CriticalSituationForm, SupportRequestForm
from .guidance import all_guidance, guidance_for
from .selectors import can_record_critical_situation, critical_situations_for_placement
from .services import critical_situation_record, critical_support_request

ONLY_MENTOR = gettext_lazy("Only the work mentor of this placement records critical situations and asks for support.")


def _mentor_required(user, placement):
    require(can_record_critical_situation(user, placement), ONLY_MENTOR)


@login_required
def critical_list(request, pk):
    placement = incident_placement_for_user(request.user, pk)
    return render(
        request,
        "mentoring/critical/critical_list.html",
        {
            "placement": placement,
            "situations": critical_situations_for_placement(placement),
            "can_record": can_record_critical_situation(request.user, placement),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def critical_new(request, pk):
    placement = incident_placement_for_user(request.user, pk)
    _mentor_required(request.user, placement)
    form = CriticalSituationForm(request.POST or None, placement=placement)
    if request.method == "POST" and form.is_valid():
        try:
            situation = critical_situation_record(placement=placement, user=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The critical situation has been recorded. Read what you can do."))
            return redirect("mentoring_critical_detail", pk=placement.pk, situation_pk=situation.pk)
    selected = form["category"].value()
    return render(
        request,
        "mentoring/critical/critical_form.html",
        {"placement": placement, "form": form, "guidance": all_guidance(), "selected_category": selected or ""},
    )


def _detail_page(request, placement, situation, support_form=None, status=200):
    can_record = can_record_critical_situation(request.user, placement)
    if support_form is None and can_record and not situation.support_requested_at:
        support_form = SupportRequestForm()
    return render(
        request,
        "mentoring/critical/critical_detail.html",
        {
            "placement": placement,
            "situation": situation,
            "guidance": guidance_for(situation.category),
            "support_form": support_form,
        },
        status=status,
    )


@login_required
def critical_detail(request, pk, situation_pk):
    placement = incident_placement_for_user(request.user, pk)
    situation = get_object_or_404(critical_situations_for_placement(placement), pk=situation_pk)
    return _detail_page(request, placement, situation)


@login_required
@require_POST
def critical_support(request, pk, situation_pk):
    placement = incident_placement_for_user(request.user, pk)
    situation = get_object_or_404(critical_situations_for_placement(placement), pk=situation_pk)
    _mentor_required(request.user, placement)
    form = SupportRequestForm(request.POST)
    if form.is_valid():
        try:
            critical_support_request(situation=situation, user=request.user, question=form.cleaned_data["question"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your question has been sent; the school supervisor is informed by e-mail."))
            return redirect("mentoring_critical_detail", pk=placement.pk, situation_pk=situation.pk)
    return _detail_page(request, placement, situation, support_form=form, status=400)
