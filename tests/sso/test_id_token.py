"""The ID token checks, one by one, on tokens signed with the local provider's own key (fetched from its JWKS)."""

import base64
import json
import time

import jwt
import pytest
import requests

from accounts.sso.tokens import TokenRejected, validate_id_token
from tests.sso.oidc_provider import CLIENT_ID, CLIENT_SECRET, signed_by_provider

NONCE = "n-0S6_WzA2Mj"


@pytest.fixture(scope="module")
def provider_key(oidc_issuer):
    keys = requests.get(f"{oidc_issuer}/jwks", timeout=5).json()["keys"]
    return jwt.PyJWK(keys[0])


def _claims(issuer, **changes):
    now = int(time.time())
    claims = {"iss": issuer, "sub": "teacher-1", "aud": CLIENT_ID, "iat": now, "exp": now + 300, "nonce": NONCE}
    claims.update(changes)
    return {key: value for key, value in claims.items() if value is not None}


def _validate(token, key, issuer, nonce=NONCE):
    return validate_id_token(token, key=key, issuer=issuer, client_id=CLIENT_ID, nonce=nonce, algorithms=("RS256",))


def test_a_good_token_passes(oidc_issuer, provider_key):
    claims = _validate(signed_by_provider(oidc_issuer, _claims(oidc_issuer)), provider_key, oidc_issuer)
    assert claims["sub"] == "teacher-1"


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        pytest.param({"aud": "another-application"}, "audience", id="wrong audience"),
        pytest.param({"aud": None}, "aud", id="no audience"),
        pytest.param({"aud": [CLIENT_ID, "another-application"]}, "azp", id="several audiences without azp"),
        pytest.param({"exp": int(time.time()) - 120}, "expired", id="expired"),
        pytest.param({"exp": None}, "exp", id="no expiry"),
        pytest.param({"iat": int(time.time()) + 3600}, "not yet valid", id="issued in the future"),
        pytest.param({"iss": "https://idp.elsewhere.example"}, "issuer", id="other issuer"),
        pytest.param({"nonce": "another-sign-in"}, "nonce", id="other nonce"),
        pytest.param({"nonce": None}, "nonce", id="no nonce"),
        pytest.param({"sub": None}, "sub", id="no subject"),
    ],
)
def test_a_token_failing_a_check_is_refused(oidc_issuer, provider_key, changes, reason):
    token = signed_by_provider(oidc_issuer, _claims(oidc_issuer, **changes))
    with pytest.raises(TokenRejected, match=reason):
        _validate(token, provider_key, oidc_issuer)


def test_several_audiences_pass_when_we_are_the_authorized_party(oidc_issuer, provider_key):
    token = signed_by_provider(oidc_issuer, _claims(oidc_issuer, aud=[CLIENT_ID, "api"], azp=CLIENT_ID))
    assert _validate(token, provider_key, oidc_issuer)["azp"] == CLIENT_ID


def test_a_token_not_signed_by_the_provider_is_refused(oidc_issuer, provider_key):
    # Signed with the client secret (HS256) or not at all: the provider's key did not sign it.
    for token in (
        jwt.encode(_claims(oidc_issuer), CLIENT_SECRET * 2, algorithm="HS256"),
        jwt.encode(_claims(oidc_issuer), None, algorithm="none"),
    ):
        with pytest.raises(TokenRejected, match="algorithm"):
            _validate(token, provider_key, oidc_issuer)


def test_a_token_changed_after_signing_is_refused(oidc_issuer, provider_key):
    header, payload, signature = signed_by_provider(oidc_issuer, _claims(oidc_issuer)).split(".")
    forged = base64.urlsafe_b64encode(json.dumps(_claims(oidc_issuer, sub="coordinator-1")).encode()).rstrip(b"=")
    forged = forged.decode()
    with pytest.raises(TokenRejected, match="Signature"):
        _validate(f"{header}.{forged}.{signature}", provider_key, oidc_issuer)


def test_garbage_is_refused(oidc_issuer, provider_key):
    with pytest.raises(TokenRejected, match="not a JWT"):
        _validate("not.a.token", provider_key, oidc_issuer)
