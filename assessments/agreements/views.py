"""The placement agreement: its page per placement, drawing it up, the guardian, sign-off, PDF, school setting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import Role, School
from accounts.selectors import roles_of
from core.http import pdf_response, signed_link_no_store
from core.ratelimit import rate_limited
from core.signing import TokenError, render_waiting
from core.views import require
from placements.selectors import placement_for_user

from ..models import AgreementSettings, PlacementAgreement
from . import services
from .documents import agreement_pdf_filename, render_agreement_pdf
from .forms import AgreementSettingsForm, AgreementSignForm, GuardianForm
from .selectors import (
    SIGN_LINK,
    agreement_for_user,
    agreement_required,
    agreement_signatures_waiting_for,
    agreements_of,
    agreements_waiting_on_others,
    can_manage_agreement,
    is_minor,
    signature_of,
)
from .snapshot import agreement_facts, change_labels

NOT_THE_SCHOOL = gettext_lazy(
    "Only the school (the coordinators and the placement's supervisor) manages the agreement."
)
NOT_A_SIGNER = gettext_lazy("You are not asked to sign this agreement.")


@login_required
@require_GET
def placement_agreement(request, pk):
    placement = placement_for_user(request.user, pk)
    context = {
        "placement": placement,
        "agreements": agreements_of(placement),
        "can_manage": can_manage_agreement(request.user, placement),
        "can_set": placement.school in _coordinated_schools(request.user),
        "required": agreement_required(placement.school_id),
    }
    return render(request, "assessments/agreements/placement_agreement.html", context)


@login_required
@require_POST
def agreement_create(request, pk):
    placement = placement_for_user(request.user, pk)
    require(can_manage_agreement(request.user, placement), NOT_THE_SCHOOL)
    try:
        agreement = services.agreement_draw_up(placement=placement, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("placement_agreement", pk=placement.pk)
    messages.success(request, _("The placement agreement has been drawn up from the placement."))
    return redirect("agreement_detail", pk=agreement.pk)


def _detail(request, agreement, *, guardian_form=None, sign_form=None, status=200):
    placement = agreement.placement
    signature = signature_of(request.user, agreement)
    can_manage = can_manage_agreement(request.user, placement)
    waiting = agreement.status == PlacementAgreement.Status.AWAITING
    if sign_form is None and signature is not None and signature.signed_at is None and waiting:
        sign_form = AgreementSignForm()
    if guardian_form is None and can_manage and agreement.status == PlacementAgreement.Status.DRAFT:
        guardian_form = GuardianForm(initial={"name": agreement.guardian_name, "email": agreement.guardian_email})
    context = {
        "placement": placement,
        "agreement": agreement,
        "facts": agreement_facts(agreement.snapshot),
        "changes": change_labels(agreement.changes),
        "signatures": list(agreement.signatures.all()),
        "signature": signature,
        "sign_form": sign_form,
        "guardian_form": guardian_form,
        "can_manage": can_manage,
        "minor": is_minor(agreement, timezone.localdate()),
    }
    return render(request, "assessments/agreements/detail.html", context, status=status)


@login_required
@require_GET
def agreement_detail(request, pk):
    return _detail(request, agreement_for_user(request.user, pk))


@login_required
@require_GET
def agreement_waiting(request):
    return render_waiting(
        request,
        "assessments/agreements/waiting.html",
        mine=agreement_signatures_waiting_for(request.user),
        others=agreements_waiting_on_others(request.user),
    )


@login_required
@require_POST
def agreement_guardian(request, pk):
    agreement = agreement_for_user(request.user, pk)
    require(can_manage_agreement(request.user, agreement.placement), NOT_THE_SCHOOL)
    form = GuardianForm(request.POST)
    if form.is_valid():
        try:
            services.agreement_guardian_set(agreement=agreement, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The parent or guardian has been saved."))
        return redirect("agreement_detail", pk=agreement.pk)
    return _detail(request, agreement, guardian_form=form, status=400)


@login_required
@require_POST
def agreement_submit(request, pk):
    agreement = agreement_for_user(request.user, pk)
    require(can_manage_agreement(request.user, agreement.placement), NOT_THE_SCHOOL)
    try:
        signatures = services.agreement_submit(agreement=agreement, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("agreement_detail", pk=agreement.pk)
    names = ", ".join(signature.name for signature in signatures)
    messages.success(request, _("The agreement has been sent for signatures to: %(names)s.") % {"names": names})
    return redirect("agreement_detail", pk=agreement.pk)


@login_required
@require_POST
def agreement_withdraw(request, pk):
    agreement = agreement_for_user(request.user, pk)
    require(can_manage_agreement(request.user, agreement.placement), NOT_THE_SCHOOL)
    try:
        services.agreement_withdraw(agreement=agreement, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The agreement is a draft again; everyone signs again after it is sent."))
    return redirect("agreement_detail", pk=agreement.pk)


def _signed_message(agreement) -> str:
    if agreement.status == PlacementAgreement.Status.SIGNED:
        return _("Thank you for signing. Everyone has signed now, so the agreement is final.")
    return _("Thank you for signing. The agreement is final once everyone has signed it.")


@login_required
@require_POST
def agreement_sign(request, pk):
    agreement = agreement_for_user(request.user, pk)
    # Only ever the user's own signature: nothing in the request can name someone else's.
    signature = signature_of(request.user, agreement)
    require(signature is not None, NOT_A_SIGNER)
    form = AgreementSignForm(request.POST)
    if not form.is_valid():
        return _detail(request, agreement, sign_form=form, status=400)
    try:
        agreement = services.agreement_sign(signature=signature)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _signed_message(agreement))
    return redirect("agreement_detail", pk=agreement.pk)


@login_required
@require_GET
def agreement_pdf(request, pk):
    agreement = agreement_for_user(request.user, pk)
    return pdf_response(render_agreement_pdf(agreement), agreement_pdf_filename(agreement), inline=False)


# --- Without login: the signed link in the e-mail (a guardian has no account) ---------------------------


def _link_page(request, signature, form, *, notice=None, status=200):
    agreement = signature.agreement
    context = {
        "agreement": agreement,
        "signature": signature,
        "facts": agreement_facts(agreement.snapshot),
        "changes": change_labels(agreement.changes),
        "signatures": list(agreement.signatures.all()),
        "form": form,
        "notice": notice,
    }
    return signed_link_no_store(render(request, "assessments/agreements/sign_link.html", context, status=status))


@login_not_required
@never_cache
@rate_limited("signed_link")
@require_http_methods(["GET", "POST"])
def agreement_sign_link(request, token):
    try:
        signature = SIGN_LINK.read(token)
    except TokenError as error:
        page = render(
            request, "assessments/signatures/link_refused.html", {"message": error.message}, status=error.status
        )
        return signed_link_no_store(page)
    agreement = signature.agreement
    if signature.signed_at is not None:
        return _link_page(request, signature, None, notice=_("You have already signed this agreement."))
    if agreement.status != PlacementAgreement.Status.AWAITING:
        context = {"message": _("This agreement is not waiting for signatures.")}
        return signed_link_no_store(render(request, "assessments/signatures/link_refused.html", context, status=410))
    form = AgreementSignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            agreement = services.agreement_sign(signature=signature)
        except ValidationError as exc:
            return _link_page(request, signature, None, notice=" ".join(exc.messages), status=409)
        messages.success(request, _signed_message(agreement))
        return signed_link_no_store(redirect("agreement_sign_link", token=token))
    return _link_page(request, signature, form, status=400 if form.errors else 200)


# --- The school's setting -------------------------------------------------------------------------------


def _coordinated_schools(user) -> list[School]:
    roles = roles_of(user)
    schools = (
        School.objects.all() if roles.is_staff else School.objects.filter(pk__in=roles.schools_as(Role.COORDINATOR))
    )
    return list(schools.order_by("name"))


@login_required
@require_http_methods(["GET", "POST"])
def agreement_settings(request):
    schools = _coordinated_schools(request.user)
    if not schools:
        raise Http404("Not a coordinator.")
    rows = {row.school_id: row for row in AgreementSettings.objects.filter(school__in=schools)}
    posted = None
    if request.method == "POST":
        posted = next((s for s in schools if str(s.pk) == request.POST.get("school")), None)
        if posted is None:
            raise Http404("Not a school of this coordinator.")
    forms = []
    for school in schools:
        data = request.POST if school == posted else None
        forms.append((school, AgreementSettingsForm(data, instance=rows.get(school.pk), prefix=f"s{school.pk}")))
    if posted is not None:
        form = next(form for school, form in forms if school == posted)
        if form.is_valid():
            services.agreement_settings_set(school=posted, **form.cleaned_data)
            messages.success(
                request, _("The placement agreement setting of %(school)s has been saved.") % {"school": posted.name}
            )
            return redirect("agreement_settings")
    status = 400 if posted is not None else 200
    return render(request, "assessments/agreements/settings.html", {"forms": forms}, status=status)
