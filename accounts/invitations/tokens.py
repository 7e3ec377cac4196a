"""The invitation link's token: an HMAC of the invitation's link version under the site's secret key.

Only its SHA-256 is stored (to find the invitation by the token); the e-mail task rebuilds the token from the
invitation, so no working link is kept in the database or in the outbox.
"""

import hashlib
import secrets

from django.utils.crypto import salted_hmac

_SALT = "werkmentor.accounts.invitation"


def new_link_version() -> str:
    return secrets.token_hex(16)


def make_token(link_version: str) -> str:
    """The link's token for a link version (random, drawn anew on every (re-)send, so unique by itself)."""
    return salted_hmac(_SALT, link_version, algorithm="sha256").hexdigest()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
