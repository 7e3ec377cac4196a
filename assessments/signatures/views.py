"""Sign-off of an assessment record: send for signatures, withdraw, sign (in the app or by link), waiting list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.http import signed_link_no_store
from core.ratelimit import rate_limited
from core.signing import TokenError, render_waiting
from core.views import add_service_errors, require

from ..models import AssessmentRecord, Signature
from ..selectors import record_for_user
from . import services
from .forms import SignForm
from .selectors import (
    SIGN_LINK,
    can_manage_signatures,
    record_contents,
    records_waiting_on_others,
    signature_of,
    signatures_of,
    signatures_waiting_for,
)

NOT_AN_ASSESSOR = gettext_lazy("Only the assessors of this assessment send it for signatures or withdraw it.")
NOT_A_SIGNER = gettext_lazy("You are not asked to sign this assessment.")


def _refused(request, record, error: ValidationError, *, status: int):
    """A step the record does not allow: nothing happened, and the page says why."""
    return render(
        request,
        "assessments/signatures/refused.html",
        {"record": record, "reasons": error.messages},
        status=status,
    )


def _status_of(error: ValidationError) -> int:
    return 409 if isinstance(error, services.SignOffConflict) else 400


def sign_refusal(record: AssessmentRecord, signature: Signature) -> str | None:
    """Why this signer cannot sign now, or None when they can."""
    if signature.signed_at is not None:
        when = date_format(localtime(signature.signed_at), "j F Y, H:i")
        return _("You signed this assessment on %(when)s.") % {"when": when}
    if record.status != AssessmentRecord.Status.AWAITING:
        return _("This assessment is not waiting for signatures.")
    return None


def _signed_message(record: AssessmentRecord) -> str:
    if record.status == AssessmentRecord.Status.SIGNED:
        return _("Thank you for signing. Everyone has signed now, so the assessment is final.")
    return _("Thank you for signing. The assessment is final once everyone has signed it.")


@login_required
@require_POST
def assessment_submit(request, pk):
    record = record_for_user(request.user, pk)
    require(can_manage_signatures(request.user, record), NOT_AN_ASSESSOR)
    try:
        signatures = services.record_submit(record=record, by=request.user)
    except ValidationError as exc:
        return _refused(request, record, exc, status=_status_of(exc))
    names = ", ".join(signature.name for signature in signatures)
    messages.success(request, _("The assessment has been sent for signatures to: %(names)s.") % {"names": names})
    return redirect("assessment_detail", pk=record.pk)


@login_required
@require_POST
def assessment_withdraw(request, pk):
    record = record_for_user(request.user, pk)
    require(can_manage_signatures(request.user, record), NOT_AN_ASSESSOR)
    try:
        services.record_withdraw(record=record, by=request.user)
    except ValidationError as exc:
        return _refused(request, record, exc, status=_status_of(exc))
    messages.success(
        request, _("The assessment is a draft again. Correct it and send it once more; everyone signs again.")
    )
    return redirect("assessment_detail", pk=record.pk)


@login_required
@require_http_methods(["GET", "POST"])
def assessment_sign(request, pk):
    record = record_for_user(request.user, pk)
    prefetch_related_objects([record], "signatures")
    # Only ever the user's own signature: nothing in the request can name someone else's.
    signature = signature_of(request.user, record)
    require(signature is not None, NOT_A_SIGNER)
    refusal = sign_refusal(record, signature)
    if refusal and request.method == "POST":
        return _refused(request, record, services.SignOffConflict(refusal), status=409)
    form = None if refusal else SignForm(request.POST or None, signature=signature)
    if request.method == "POST" and form.is_valid():
        try:
            record = services.signature_sign(signature=signature, **form.cleaned_data)
        except services.SignOffConflict as exc:
            return _refused(request, record, exc, status=409)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _signed_message(record))
            if request.POST.get("next") == "waiting":
                return redirect("assessment_waiting")
            return redirect("assessment_detail", pk=record.pk)
    context = {
        "record": record,
        "signature": signature,
        "signatures": signatures_of(record),
        "contents": record_contents(record),
        "form": form,
        "refusal": refusal,
    }
    return render(request, "assessments/signatures/sign.html", context, status=400 if form and form.errors else 200)


@login_required
@require_GET
def assessment_waiting(request):
    return render_waiting(
        request,
        "assessments/signatures/waiting.html",
        mine=signatures_waiting_for(request.user),
        others=records_waiting_on_others(request.user),
    )


# --- Without login: the signed link in the e-mail ---------------------------------------------------------


def _link_page(request, signature, form, *, notice=None, status=200):
    record = signature.record
    context = {
        "record": record,
        "signature": signature,
        "signatures": list(record.signatures.all()),
        "contents": record_contents(record),
        "form": form,
        "notice": notice,
    }
    return signed_link_no_store(render(request, "assessments/signatures/sign_link.html", context, status=status))


# Anyone holding the link may sign as its signer, so no login; the form is ours, so CSRF protection stays on.
@login_not_required
@never_cache
@rate_limited("signed_link")
@require_http_methods(["GET", "POST"])
def assessment_sign_link(request, token):
    try:
        signature = SIGN_LINK.read(token)
    except TokenError as error:
        context = {"message": error.message}
        page = render(request, "assessments/signatures/link_refused.html", context, status=error.status)
        return signed_link_no_store(page)
    record = signature.record
    if signature.signed_at is not None:
        return _link_page(request, signature, None, notice=sign_refusal(record, signature))
    if record.status != AssessmentRecord.Status.AWAITING:
        context = {"message": _("This assessment is not waiting for signatures.")}
        return signed_link_no_store(render(request, "assessments/signatures/link_refused.html", context, status=410))
    form = SignForm(request.POST or None, signature=signature)
    if request.method == "POST" and form.is_valid():
        try:
            record = services.signature_sign(signature=signature, **form.cleaned_data)
        except services.SignOffConflict as exc:
            return _link_page(request, signature, None, notice=" ".join(exc.messages), status=409)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _signed_message(record))
            return signed_link_no_store(redirect("assessment_sign_link", token=token))
    return _link_page(request, signature, form, status=400 if form.errors else 200)
