"""The person's own two-factor pages under My account: status, set-up, recovery codes, switching off.

Every page works on request.user only: nobody can open another person's set-up or codes (no id in the URL).
"""

import base64
from binascii import unhexlify
from urllib.parse import urlencode

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.http import private_no_store
from core.views import add_service_errors, require

from . import services, state
from .forms import DisableForm, SetupForm
from .lockout import log_out_after_failures
from .qr import qr_data_uri
from .selectors import (
    authenticator_of,
    has_two_factor,
    recovery_codes_left,
    security_schools,
    two_factor_required,
)
from .services import authenticator_confirm, new_secret, provisioning_uri, recovery_codes_renew


def safe_next(request, default: str = "dashboard") -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return wanted
    return reverse(default)


@login_required
@require_GET
def two_factor(request):
    device = authenticator_of(request.user)
    context = {
        "device": device,
        "codes_left": recovery_codes_left(request.user) if device else 0,
        "required": two_factor_required(request.user),
        "manages_schools": security_schools(request.user).exists(),
    }
    return private_no_store(render(request, "accounts/two_factor/status.html", context))


def _grouped(text: str, size: int = 4) -> str:
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    if has_two_factor(request.user):
        return redirect("two_factor")
    key = request.session.get(state.SETUP_KEY_KEY)
    if not isinstance(key, str) or len(key) != 40:
        key = request.session[state.SETUP_KEY_KEY] = new_secret()
    form = SetupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = authenticator_confirm(user=request.user, key=key, code=form.cleaned_data["code"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            django_otp.login(request, device)  # this session has just shown a code
            state.set_pending(request, None)
            del request.session[state.SETUP_KEY_KEY]
            request.session[state.NEW_CODES_KEY] = codes
            messages.success(request, _("Two-factor authentication is on."))
            codes_url = reverse("two_factor_codes")
            return redirect(f"{codes_url}?{urlencode({'next': safe_next(request, default='two_factor')})}")
    uri = provisioning_uri(request.user, key)
    context = {
        "form": form,
        "qr": qr_data_uri(uri),
        "secret": _grouped(base64.b32encode(unhexlify(key)).decode("ascii")),
        "forced": state.pending(request) == state.SETUP,
        "next": request.GET.get("next", ""),
    }
    status = 400 if form.is_bound else 200
    return private_no_store(render(request, "accounts/two_factor/setup.html", context, status=status))


@login_required
@require_GET
def two_factor_codes(request):
    """The new recovery codes, shown this once (then only a fresh set can be made)."""
    codes = request.session.pop(state.NEW_CODES_KEY, None)
    if not codes:
        messages.info(request, _("Recovery codes are shown only once. Make new ones if you did not keep them."))
        return redirect("two_factor")
    shown = [f"{code[:4]}-{code[4:]}" for code in codes]
    context = {
        "codes": shown,
        "download": "\n".join(["Werkmentor", request.user.email, "", *shown, ""]),
        "next": safe_next(request, default="two_factor"),
    }
    return private_no_store(render(request, "accounts/two_factor/codes.html", context))


@login_required
@require_POST
def two_factor_regenerate(request):
    try:
        request.session[state.NEW_CODES_KEY] = recovery_codes_renew(user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("two_factor")
    messages.success(request, _("You have new recovery codes; the old ones no longer work."))
    return redirect("two_factor_codes")


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_disable(request):
    if not has_two_factor(request.user):
        return redirect("two_factor")
    require(
        not two_factor_required(request.user),
        _("Two-factor authentication is required for your account, so it cannot be switched off."),
    )
    form = DisableForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            services.two_factor_disable(user=request.user)
            messages.success(request, _("Two-factor authentication is off."))
            return redirect("two_factor")
        if state.count_failure(request) >= settings.TWO_FACTOR_MAX_FAILURES:
            return log_out_after_failures(request)
    status = 400 if form.is_bound else 200
    return private_no_store(render(request, "accounts/two_factor/disable.html", {"form": form}, status=status))
