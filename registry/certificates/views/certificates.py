"""One certificate: its page and PDF, revoking, renewing and removing the holder's personal data."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.http import pdf_response

from ...models import Certificate
from ...selectors import can_manage_certificates, certificate_for_user
from ..course_hours import course_hours_between
from ..documents import certificate_pdf, pdf_filename
from ..forms import EraseForm, RevokeForm
from ..renewal import certificate_renew as certificate_renew_service
from ..renewal import renewal_check
from ..revoke import certificate_erase as certificate_erase_service
from ..revoke import certificate_revoke as certificate_revoke_service
from ..selectors import can_erase_certificate
from ..selectors import my_certificates as my_certificates_of
from ..services import NotEligible


def _detail_page(request, certificate, *, revoke_form=None, erase_form=None, refused=None, status=200):
    can_manage = can_manage_certificates(request.user, certificate)
    renewal = renewal_check(certificate) if can_manage else None
    course_hours = None
    if renewal and renewal.hours_needed and certificate.holder_id:
        course_hours = course_hours_between(certificate.holder, certificate.issued_on, timezone.localdate())
    return render(
        request,
        "registry/certificates/certificate_detail.html",
        {
            "certificate": certificate,
            "can_manage": can_manage,
            "can_erase": can_erase_certificate(request.user, certificate),
            "renewal": renewal,
            "renewal_course_hours": course_hours,
            "renewals": list(Certificate.objects.filter(renews=certificate).order_by("issued_on", "pk")),
            "revoke_form": revoke_form or RevokeForm(prefix="revoke"),
            "erase_form": erase_form or EraseForm(prefix="erase"),
            "refused": refused,
        },
        status=status,
    )


def _managed(user, pk) -> Certificate:
    certificate = certificate_for_user(user, pk)
    if not can_manage_certificates(user, certificate):
        raise PermissionDenied(_("Only the issuing school's teachers and coordinators can change a certificate."))
    return certificate


@login_required
@require_GET
def certificate_detail(request, pk):
    return _detail_page(request, certificate_for_user(request.user, pk))


@login_required
@require_GET
def certificate_pdf_view(request, pk):
    certificate = certificate_for_user(request.user, pk)
    return pdf_response(certificate_pdf(certificate), pdf_filename(certificate))


@login_required
@require_GET
def my_certificates(request):
    return render(
        request, "registry/certificates/my_certificates.html", {"certificates": list(my_certificates_of(request.user))}
    )


@login_required
@require_POST
def certificate_revoke(request, pk):
    certificate = _managed(request.user, pk)
    form = RevokeForm(request.POST, prefix="revoke")
    if form.is_valid():
        try:
            certificate_revoke_service(
                certificate=certificate,
                revoked_by=request.user,
                reason=form.cleaned_data["reason"],
                notify_holder=form.cleaned_data["notify_holder"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The certificate has been revoked."))
            return redirect("certificate_detail", pk=certificate.pk)
    return _detail_page(request, certificate, revoke_form=form, status=400)


@login_required
@require_POST
def certificate_erase(request, pk):
    certificate = certificate_for_user(request.user, pk)
    if not can_erase_certificate(request.user, certificate):
        raise PermissionDenied(_("Only the school's coordinators can remove personal data from the register."))
    form = EraseForm(request.POST, prefix="erase")
    if form.is_valid():
        try:
            certificate_erase_service(
                certificate=certificate, erased_by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The holder's name and e-mail address have been removed; the number stays."))
            # The holder may have been the one looking; the school's coordinator still sees the certificate.
            return redirect("certificate_detail", pk=certificate.pk)
    return _detail_page(request, certificate, erase_form=form, status=400)


@login_required
@require_POST
def certificate_renew(request, pk):
    certificate = _managed(request.user, pk)
    try:
        renewal = certificate_renew_service(certificate=certificate, renewed_by=request.user)
    except NotEligible as refusal:
        return _detail_page(request, certificate, refused=refusal.missing, status=400)
    messages.success(request, _("Certificate %(number)s renews this one.") % {"number": renewal.number})
    return redirect("certificate_detail", pk=renewal.pk)
