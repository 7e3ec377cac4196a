"""mozilla-django-oidc's authentication backend, for a provider from the database instead of from settings.

The library's flow is kept (code for tokens, ID token, userinfo, then the user); what changes: the provider's
client and endpoints come from `IdentityProvider` (discovery or explicit), the ID token is checked in full
(`tokens.validate_id_token`: audience too, which the library leaves out), the userinfo must be about the same
subject, and the person is found by `linking.user_for_sign_in` (never created from claims alone).
"""

import logging

import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .discovery import Endpoints, endpoints, timeout
from .linking import user_for_sign_in
from .models import IdentityProvider
from .tokens import TokenRejected, validate_id_token

log = logging.getLogger(__name__)


class SignInFailed(Exception):
    """The exchange with the provider failed or its token did not pass; the message is for the log."""


class SchoolOIDCBackend(OIDCAuthenticationBackend):
    def __init__(self, *args, **kwargs):
        # The library reads one provider from settings here; ours is chosen per sign-in (`configure`).
        self.UserModel = get_user_model()
        self.provider: IdentityProvider | None = None
        self.invitation = None

    def get_user(self, user_id):
        # The library's get_user also returns deactivated accounts; Django's refuses them (a leaver's session ends).
        return ModelBackend.get_user(self, user_id)

    @staticmethod
    def get_settings(attr, *args):
        # The few library settings still read (timeouts, TLS, storing tokens) have fixed values here.
        fixed = {"OIDC_VERIFY_SSL": True, "OIDC_TIMEOUT": timeout(), "OIDC_PROXY": None, "OIDC_VERIFY_KID": True}
        if attr in fixed:
            return fixed[attr]
        if attr == "OIDC_AUTHENTICATION_CALLBACK_URL":
            return "sso_callback"
        return args[0] if args else None

    def configure(self, provider: IdentityProvider, found: Endpoints) -> None:
        self.provider = provider
        self.endpoints = found
        self.OIDC_OP_TOKEN_ENDPOINT = found.token
        self.OIDC_OP_USER_ENDPOINT = found.userinfo
        self.OIDC_OP_JWKS_ENDPOINT = found.jwks
        self.OIDC_RP_CLIENT_ID = provider.client_id
        self.OIDC_RP_CLIENT_SECRET = provider.client_secret
        self.OIDC_RP_IDP_SIGN_KEY = None

    def authenticate(self, request, oidc_provider=None, invitation=None, **kwargs):
        """Only for a sign-in through a provider (the callback passes it); a password log-in is not ours."""
        if oidc_provider is None or request is None:
            return None
        self.configure(oidc_provider, endpoints(oidc_provider))
        self.invitation = invitation
        try:
            return super().authenticate(request, **kwargs)
        except requests.RequestException as exc:
            raise SignInFailed(f"{oidc_provider.issuer}: {exc}") from exc

    def get_token(self, payload):
        if not payload.get("client_secret"):
            # A public client (PKCE only) sends no secret.
            payload.pop("client_secret", None)
        return super().get_token(payload)

    def verify_token(self, token, **kwargs):
        if not token:
            raise SignInFailed("the token response holds no ID token")
        try:
            key = self.retrieve_matching_jwk(token)
        except (SuspiciousOperation, KeyError, ValueError) as exc:
            raise SignInFailed(f"no key in the provider's JWKS for this token: {exc}") from exc
        try:
            return validate_id_token(
                token,
                key=key,
                issuer=self.provider.issuer,
                client_id=self.provider.client_id,
                nonce=kwargs.get("nonce"),
                algorithms=self.endpoints.algorithms,
            )
        except TokenRejected as exc:
            raise SignInFailed(f"ID token refused: {exc}") from exc

    def get_userinfo(self, access_token, id_token, payload):
        """The ID token's claims, completed by the userinfo endpoint's (which must be about the same `sub`)."""
        claims = dict(payload)
        if not self.OIDC_OP_USER_ENDPOINT or not access_token:
            return claims
        response = requests.get(
            self.OIDC_OP_USER_ENDPOINT, headers={"Authorization": f"Bearer {access_token}"}, timeout=timeout()
        )
        response.raise_for_status()
        if not response.headers.get("content-type", "").lower().startswith("application/json"):
            raise SignInFailed("the userinfo endpoint answered something other than JSON")
        userinfo = response.json()
        if not isinstance(userinfo, dict) or userinfo.get("sub") != payload["sub"]:
            # OpenID Connect Core 5.3.2: a userinfo response about someone else must not be used.
            raise SignInFailed("the userinfo is about another subject")
        claims.update({key: value for key, value in userinfo.items() if key not in {"iss", "aud", "sub", "nonce"}})
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        return user_for_sign_in(self.provider, claims, invitation=self.invitation)

    def store_tokens(self, access_token, id_token):
        """Nothing is kept: the tokens are used once, to find the person."""
