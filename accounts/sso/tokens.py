"""The checks an ID token must pass (OpenID Connect Core 1.0, 3.1.3.7) before anyone is signed in with it.

mozilla-django-oidc checks the signature and the nonce but leaves the audience unchecked; here every rule is
applied: signature by one of the provider's keys (JWKS) with an asymmetric algorithm it offers, the issuer, our
client among the audiences (and as `azp` when there are several), not expired, issued in the past, the nonce
of this sign-in.
"""

import jwt
from django.utils.crypto import constant_time_compare

# Clocks differ a little between the provider and us.
LEEWAY_SECONDS = 60


class TokenRejected(Exception):
    """The ID token failed a check; the message says which (for the log, not for the person)."""


def validate_id_token(
    token: str, *, key: jwt.PyJWK, issuer: str, client_id: str, nonce: str, algorithms: tuple[str, ...]
) -> dict:
    """The token's claims, or TokenRejected."""
    try:
        header = jwt.get_unverified_header(token)
    except jwt.InvalidTokenError as exc:
        raise TokenRejected(f"not a JWT: {exc}") from exc
    if header.get("alg") not in algorithms:
        raise TokenRejected(f"algorithm {header.get('alg')!r} is not one of {algorithms}")
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=list(algorithms),
            audience=client_id,
            issuer=issuer,
            leeway=LEEWAY_SECONDS,
            options={"require": ["iss", "sub", "aud", "exp", "iat"], "strict_aud": False},
        )
    except jwt.ExpiredSignatureError as exc:
        raise TokenRejected("expired") from exc
    except jwt.InvalidAudienceError as exc:
        raise TokenRejected(f"audience is not {client_id!r}") from exc
    except jwt.InvalidIssuerError as exc:
        raise TokenRejected(f"issuer is not {issuer!r}") from exc
    except jwt.InvalidTokenError as exc:
        raise TokenRejected(str(exc)) from exc
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != client_id:
        raise TokenRejected("several audiences and azp is not our client")
    if not isinstance(claims["sub"], str) or not claims["sub"]:
        raise TokenRejected("no subject")
    if not nonce or not constant_time_compare(str(claims.get("nonce", "")), nonce):
        raise TokenRejected("nonce does not match this sign-in")
    return claims
