"""The activation page, opened from the invitation e-mail without logging in.

The token decides everything; it is looked up by its hash. A link that was replaced (re-sent), revoked, used
or has expired gets a page that says so and what to do, never an error; the page is rate-limited like every
signed link and kept out of caches and Referer headers.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.http import signed_link_no_store
from core.ratelimit import rate_limited

from ..models import User
from ..services import account_closed_by_staff
from .forms import ActivationForm
from .selectors import invitation_for_token
from .services import accept, awaiting_activation

_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _refused(request, invitation):
    """Why the link cannot be used, or None when it can."""
    if invitation is None:
        message, status = (
            _("This link is not valid. If you received a newer invitation e-mail, use the link in that one."),
            404,
        )
    elif invitation.accepted_at:
        message, status = _("This invitation has been used already. Log in with your e-mail address."), 410
    elif invitation.revoked_at:
        message, status = _("This invitation has been withdrawn. Ask the person who invited you."), 410
    elif invitation.is_expired:
        message, status = _("This invitation has expired. Ask the person who invited you to send it again."), 410
    else:
        return None
    page = render(request, "accounts/invitations/link_refused.html", {"message": message}, status=status)
    return signed_link_no_store(page)


@rate_limited("signed_link")
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    invitation = invitation_for_token(token)
    refused = _refused(request, invitation)
    if refused is not None:
        return refused
    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is not None and account_closed_by_staff(existing):
        message = _("Your account was closed by the site's staff. Ask them to open it again, then use this link.")
        page = render(request, "accounts/invitations/link_refused.html", {"message": message}, status=403)
        return signed_link_no_store(page)
    if existing is not None and awaiting_activation(existing):
        existing = None  # made by an import and never used: activated like a new account
    form = None
    if existing is None:
        form = ActivationForm(
            request.POST or None,
            email=invitation.email,
            initial={"first_name": invitation.first_name, "last_name": invitation.last_name},
        )
    if request.method == "POST" and (form is None or form.is_valid()):
        data = form.cleaned_data if form is not None else {}
        try:
            user = accept(
                invitation,
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
                password=data.get("password1", ""),
            )
        except ValidationError:
            invitation.refresh_from_db()
            return _refused(request, invitation) or redirect("invitation_accept", token=token)
        role = invitation.get_role_display()
        if existing is not None and request.user != existing:
            # The link proves the address, not who is at the keyboard: their own password still signs them in.
            messages.success(request, _("The role %(role)s has been added to your account. Log in.") % {"role": role})
            return signed_link_no_store(redirect(f"{reverse('login')}?next={reverse('dashboard')}"))
        if existing is None:
            login(request, user, backend=_BACKEND)
        messages.success(request, _("Welcome to Werkmentor. You are now %(role)s.") % {"role": role})
        return signed_link_no_store(redirect("dashboard"))
    context = {"invitation": invitation, "form": form, "existing": existing, "token": token}
    status = 400 if request.method == "POST" else 200
    return signed_link_no_store(render(request, "accounts/invitations/accept.html", context, status=status))
