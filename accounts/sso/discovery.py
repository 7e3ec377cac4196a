"""A provider's endpoints: as configured, or read from its discovery document (cached for an hour)."""

from dataclasses import dataclass

import requests
from django.conf import settings
from django.core.cache import cache

from .models import IdentityProvider

DISCOVERY_PATH = "/.well-known/openid-configuration"
CACHE_SECONDS = 3600
# Asymmetric signatures only: an HMAC-signed token would be signed with the client secret, "none" with nothing.
SAFE_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512")


class ProviderUnavailable(Exception):
    """The provider could not be reached, or its discovery document is unusable."""


@dataclass(frozen=True)
class Endpoints:
    authorization: str
    token: str
    userinfo: str
    jwks: str
    algorithms: tuple[str, ...]


def timeout() -> float:
    return getattr(settings, "OIDC_TIMEOUT", 10)


def _discovery_document(provider: IdentityProvider) -> dict:
    key = f"sso:discovery:{provider.pk}:{provider.issuer}"
    document = cache.get(key)
    if document is not None:
        return document
    url = provider.issuer.rstrip("/") + DISCOVERY_PATH
    try:
        response = requests.get(url, timeout=timeout())
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as exc:
        raise ProviderUnavailable(f"discovery document {url}: {exc}") from exc
    if not isinstance(document, dict):
        raise ProviderUnavailable(f"discovery document {url} is not a JSON object")
    # OpenID Connect Discovery 1.0, 4.3: the document must name the issuer it was fetched for.
    if document.get("issuer") != provider.issuer:
        named = document.get("issuer")
        raise ProviderUnavailable(f"discovery document names issuer {named!r}, not {provider.issuer!r}")
    cache.set(key, document, CACHE_SECONDS)
    return document


def endpoints(provider: IdentityProvider) -> Endpoints:
    explicit = (provider.authorization_endpoint, provider.token_endpoint, provider.jwks_uri)
    document = {} if all(explicit) else _discovery_document(provider)
    authorization = provider.authorization_endpoint or document.get("authorization_endpoint", "")
    token = provider.token_endpoint or document.get("token_endpoint", "")
    jwks = provider.jwks_uri or document.get("jwks_uri", "")
    if not (authorization and token and jwks):
        raise ProviderUnavailable("the provider names no authorization, token or JWKS endpoint")
    offered = document.get("id_token_signing_alg_values_supported") or ["RS256"]
    algorithms = tuple(alg for alg in SAFE_ALGORITHMS if alg in offered) or ("RS256",)
    return Endpoints(
        authorization=authorization,
        token=token,
        userinfo=provider.userinfo_endpoint or document.get("userinfo_endpoint", ""),
        jwks=jwks,
        algorithms=algorithms,
    )
