from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.views import require
from placements.selectors import is_learner_of, is_mentor_of

from ..models import MentoringAgreement
from ..selectors import coaching_placement_for_user
from .defaults import MENTOR_HELPS_WITH
from .forms import AgreementForm
from .services import agreement_accept as agreement_accept_service
from .services import agreement_initial, agreement_save


@login_required
def agreement_detail(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    agreement = MentoringAgreement.objects.filter(placement=placement).first()
    labels = dict(MENTOR_HELPS_WITH)
    return render(
        request,
        "mentoring/agreements/agreement_detail.html",
        {
            "placement": placement,
            "agreement": agreement,
            "helps_with": [labels[key] for key in agreement.mentor_helps_with if key in labels] if agreement else [],
            "can_edit": is_mentor_of(request.user, placement),
            "can_accept": agreement is not None
            and (
                (is_mentor_of(request.user, placement) and not agreement.mentor_accepted_at)
                or (is_learner_of(request.user, placement) and not agreement.learner_accepted_at)
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    require(is_mentor_of(request.user, placement), _("Only the work mentor writes the mentoring agreement."))
    agreement = MentoringAgreement.objects.filter(placement=placement).first()
    form = AgreementForm(request.POST or None, instance=agreement, initial=None if agreement else agreement_initial())
    if request.method == "POST" and form.is_valid():
        agreement_save(placement=placement, data=form.cleaned_data)
        messages.success(request, _("The agreement has been saved. The learner and you can now accept it."))
        return redirect("mentoring_agreement", pk=placement.pk)
    return render(
        request,
        "mentoring/form_page.html",
        {
            "placement": placement,
            "form": form,
            "section": _("Mentoring agreement"),
            "intro": _(
                "Agree together on what each of you will and will not do. Saving a new wording asks both of "
                "you to accept it again."
            ),
            "active": "mentoring_agreement",
            "cancel_url": reverse("mentoring_agreement", args=[placement.pk]),
        },
    )


@login_required
@require_POST
def agreement_accept(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    agreement = MentoringAgreement.objects.filter(placement=placement).first()
    require(
        agreement is not None and (is_mentor_of(request.user, placement) or is_learner_of(request.user, placement)),
        _("Only the work mentor and the learner accept the agreement."),
    )
    try:
        agreement_accept_service(agreement=agreement, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("You have accepted the mentoring agreement."))
    return redirect("mentoring_agreement", pk=placement.pk)
