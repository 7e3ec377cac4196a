from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import AccountForm
from .selectors import memberships_listed, roles_of
from .services import account_update
from .two_factor.selectors import has_two_factor


@login_required
@require_http_methods(["GET", "POST"])
def my_account(request):
    form = AccountForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = account_update(user=request.user, data=form.cleaned_data)
        messages.success(request, _("Your details have been saved."))
        response = redirect("my_account")
        if user.language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                user.language,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                samesite="Lax",
            )
        return response
    return render(
        request,
        "accounts/my_account.html",
        {
            "form": form,
            "memberships": memberships_listed(request.user),
            "roleset": roles_of(request.user),
            "two_factor_on": has_two_factor(request.user),
        },
    )
