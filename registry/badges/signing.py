"""VC-JWT (OB 3.0 §8.2): the credential is the JWT's payload, signed with the school's key (ES256).

The header's `kid` is the address of the public key (`badge_key`), which the school's JWKS lists under the same
id; a verifier needs nothing but that JWKS. Registered claims as the specification asks: iss = the issuer's id,
jti = the credential's id, nbf/exp = validFrom/validUntil, iat = when signed.
"""

import calendar
from datetime import datetime

from django.urls import reverse
from django.utils import timezone
from joserfc import jwt

from accounts.models import School
from core.emails import site_url

from ..models import Certificate, SchoolSigningKey
from .credential import issuer_profile, open_badge_credential, valid_from, valid_until
from .keys import ALGORITHM, active_key, private_key, public_jwk
from .status import status_list_credential


def key_url(signing_key: SchoolSigningKey) -> str:
    return site_url(reverse("badge_key", args=[signing_key.school_id, signing_key.kid]))


def published_jwks(keys) -> dict:
    """Every key the schools ever signed with, active and retired: old credentials keep verifying."""
    return {"keys": [public_jwk(key, key_url(key)) for key in keys]}


def _epoch(moment: datetime) -> int:
    return calendar.timegm(moment.utctimetuple())


def sign(school: School, claims: dict, *, typ: str = "JWT") -> str:
    signing_key = active_key(school)
    header = {"alg": ALGORITHM, "typ": typ, "kid": key_url(signing_key)}
    return jwt.encode(header, claims, private_key(signing_key), algorithms=[ALGORITHM])


def credential_jwt(certificate: Certificate) -> str:
    credential = open_badge_credential(certificate)
    claims = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "nbf": _epoch(valid_from(certificate)),
        "exp": _epoch(valid_until(certificate)),
        "iat": _epoch(timezone.now()),
    }
    return sign(certificate.school, claims)


def status_list_jwt(school: School, page: int) -> str:
    issuer = issuer_profile(school)
    credential = status_list_credential(school, page, issuer=issuer)
    claims = {**credential, "iss": issuer["id"], "jti": credential["id"], "iat": _epoch(timezone.now())}
    return sign(school, claims)
