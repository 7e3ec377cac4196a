"""The log-in step after the password: a code from the app or a recovery code, before anything else."""

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.http import private_no_store
from core.views import add_service_errors

from . import state
from .forms import CodeForm
from .lockout import log_out_after_failures
from .selectors import has_two_factor, recovery_codes_left, two_factor_required
from .services import is_authenticator_code, verify_code
from .views import safe_next

# Fewer recovery codes than this left after using one: say so, and where to make new ones.
FEW_CODES = 3


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    if state.pending(request) != state.VERIFY:
        return redirect(safe_next(request))
    if not has_two_factor(request.user):  # staff removed the authenticator since this log-in
        state.set_pending(request, state.SETUP if two_factor_required(request.user) else None)
        return redirect(safe_next(request))
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        try:
            device = verify_code(request.user, code)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            django_otp.login(request, device)
            state.set_pending(request, None)
            if not is_authenticator_code(code):
                _warn_about_recovery_codes(request)
            return redirect(safe_next(request))
    if form.is_bound:
        failures = state.count_failure(request)
        if failures >= settings.TWO_FACTOR_MAX_FAILURES:
            return log_out_after_failures(request)
    context = {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")}
    status = 400 if form.is_bound else 200
    return private_no_store(render(request, "accounts/two_factor/verify.html", context, status=status))


def _warn_about_recovery_codes(request) -> None:
    left = recovery_codes_left(request.user)
    if left < FEW_CODES:
        messages.warning(
            request,
            _("You used a recovery code and have %(left)s left. Make new ones under My account.") % {"left": left},
        )
    else:
        messages.info(request, _("You used a recovery code; each one works only once."))
