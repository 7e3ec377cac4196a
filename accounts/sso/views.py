"""Sign-in through a school's identity provider: mozilla-django-oidc's request and callback views, with the
provider taken from the database (the start URL names it; the callback finds it by the `state` in the session).

Always the authorization-code flow with PKCE (S256) and a nonce. Whatever goes wrong ends on a page that says
what to do next, never in an error: an unknown person is told to ask their coordinator for an invitation.
"""

import logging
from urllib.parse import parse_qs, urlsplit

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from core.http import signed_link_no_store

from ..invitations.models import Invitation
from ..invitations.selectors import invitation_for_token
from . import linking
from .backend import SchoolOIDCBackend, SignInFailed
from .discovery import ProviderUnavailable, endpoints
from .models import IdentityProvider

log = logging.getLogger(__name__)

BACKEND_PATH = "accounts.sso.backend.SchoolOIDCBackend"
# Read by two-factor authentication: the school's provider has signed this session in.
LOGIN_METHOD_KEY = "login_method"


class SsoStartView(OIDCAuthenticationRequestView):
    """GET /accounts/sso/<pk>/start/[?next=…][&invitation=<token>]: off to the provider's sign-in page."""

    def __init__(self, **kwargs):
        # The library reads the provider from settings here; ours comes from the URL (`get`).
        super(OIDCAuthenticationRequestView, self).__init__(**kwargs)
        self.provider = None

    def get_settings(self, attr, *args):
        fixed = {
            "OIDC_RP_SCOPES": self.provider.scopes if self.provider else "openid",
            "OIDC_USE_PKCE": True,
            "OIDC_PKCE_CODE_CHALLENGE_METHOD": "S256",
            "OIDC_USE_NONCE": True,
            "OIDC_AUTHENTICATION_CALLBACK_URL": "sso_callback",
        }
        if attr in fixed:
            return fixed[attr]
        return args[0] if args else None

    def get(self, request, pk):
        self.provider = IdentityProvider.objects.filter(pk=pk, enabled=True).select_related("school").first()
        if self.provider is None:
            raise Http404
        try:
            found = endpoints(self.provider)
        except ProviderUnavailable as exc:
            log.warning("SSO provider %s unavailable: %s", self.provider.pk, exc)
            return failure_page(request, self.provider, status=503)
        self.OIDC_OP_AUTH_ENDPOINT = found.authorization
        self.OIDC_RP_CLIENT_ID = self.provider.client_id
        response = super().get(request)
        # Remember which provider this state belongs to (and the invitation followed, if any) for the callback.
        state = parse_qs(urlsplit(response["Location"]).query)["state"][0]
        entry = request.session["oidc_states"][state]
        entry["provider"] = self.provider.pk
        invitation = invitation_for_token(request.GET.get("invitation", ""))
        if invitation is not None and linking.invitation_usable_for(invitation, self.provider):
            entry["invitation"] = invitation.pk
        request.session.modified = True
        return signed_link_no_store(response)


class SsoCallbackView(OIDCAuthenticationCallbackView):
    """GET /accounts/sso/callback/?code=…&state=…: the provider sends the person back here."""

    def get(self, request):
        states = request.session.get("oidc_states")
        state = request.GET.get("state", "")
        entry = states.pop(state, None) if isinstance(states, dict) and state else None
        if not isinstance(entry, dict):
            return expired_page(request)
        # Used once: a replayed callback finds no state.
        request.session.modified = True
        request.session.save()
        provider = IdentityProvider.objects.filter(pk=entry.get("provider"), enabled=True).select_related("school")
        provider = provider.first()
        if provider is None:
            return expired_page(request)
        if request.GET.get("error"):
            return failure_page(request, provider, status=400, cancelled=True)
        # RFC 9207: a provider that names itself must be the one this sign-in was sent to (mix-up attacks).
        if "iss" in request.GET and request.GET["iss"] != provider.issuer:
            log.warning("SSO callback for provider %s names issuer %r", provider.pk, request.GET["iss"])
            return failure_page(request, provider, status=400)
        if not request.GET.get("code"):
            return failure_page(request, provider, status=400)
        invitation = Invitation.objects.filter(pk=entry.get("invitation")).first() if entry.get("invitation") else None
        try:
            self.user = SchoolOIDCBackend().authenticate(
                request,
                oidc_provider=provider,
                nonce=entry.get("nonce"),
                code_verifier=entry.get("code_verifier"),
                invitation=invitation,
            )
        except linking.SignInRefused as refused:
            log.info("SSO sign-in at provider %s refused: %s", provider.pk, refused.reason)
            return no_account_page(request, provider, refused.reason)
        except (SignInFailed, ProviderUnavailable) as exc:
            log.warning("SSO sign-in at provider %s failed: %s", provider.pk, exc)
            return failure_page(request, provider, status=502)
        if self.user is None:
            return failure_page(request, provider, status=400)
        self.user.backend = BACKEND_PATH
        response = self.login_success()
        request.session[LOGIN_METHOD_KEY] = "oidc"
        request.session["sso_provider"] = provider.pk
        return response


def expired_page(request):
    message = _("This sign-in has expired or was started in another browser. Go back to the log-in page and try again.")
    return render(request, "accounts/sso/failed.html", {"message": message}, status=400)


def failure_page(request, provider, *, status, cancelled=False):
    if cancelled:
        message = _("The sign-in with %(name)s was cancelled. You can try again.") % {"name": provider.name}
    elif status == 400:
        message = _("The sign-in with %(name)s could not be completed. Try again from the log-in page.") % {
            "name": provider.name
        }
    else:
        message = _(
            "%(name)s could not be reached or did not answer as expected. Try again in a few minutes; if it "
            "keeps failing, tell your coordinator."
        ) % {"name": provider.name}
    return render(request, "accounts/sso/failed.html", {"message": message, "provider": provider}, status=status)


def no_account_page(request, provider, reason):
    return render(
        request,
        "accounts/sso/no_account.html",
        {"provider": provider, "school": provider.school, "reason": reason},
        status=403,
    )
