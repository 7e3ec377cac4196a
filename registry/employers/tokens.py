"""The employer invitation link's token: an HMAC of the invitation's link version under the site's secret key.

Only its SHA-256 is stored (to find the invitation by the token); the e-mail task rebuilds the token, so no
working link is kept in the database or in the outbox. Its own salt: no other link of the site stands in for it.
"""

import hashlib
import secrets

from django.utils.crypto import salted_hmac

_SALT = "werkmentor.registry.employer-invitation"


def new_link_version() -> str:
    return secrets.token_hex(16)


def make_token(link_version: str) -> str:
    return salted_hmac(_SALT, link_version, algorithm="sha256").hexdigest()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
