"""Secrets kept in the database encrypted at rest: `EncryptedTextField` (Fernet, from the `cryptography` package).

The keys: settings.FIELD_ENCRYPTION_KEYS (Fernet keys, the first encrypts, every one decrypts: add a new key in
front to rotate), or, when that is empty, a key derived (HKDF-SHA256) from SECRET_KEY and each of
SECRET_KEY_FALLBACKS, so that rotating SECRET_KEY the Django way keeps stored secrets readable. A stored value is
"fernet:" followed by the token; a value without that prefix is read as it is (a row written before encryption,
until the data migration or its next save encrypts it).

The value is encrypted anew at every save (a random IV), so the column cannot be searched or compared.
"""

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

PREFIX = "fernet:"
_INFO = b"werkmentor encrypted database fields"


class DecryptionFailed(Exception):
    """A stored value none of the keys opens: the keys were changed without keeping the old one."""


def derived_key(secret: str) -> bytes:
    """A Fernet key derived from a Django SECRET_KEY."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO)
    return base64.urlsafe_b64encode(hkdf.derive(secret.encode()))


@lru_cache(maxsize=4)
def _fernet_for(keys: tuple[str, ...], secrets: tuple[str, ...]) -> MultiFernet:
    try:
        fernets = [Fernet(key) for key in keys] if keys else [Fernet(derived_key(s)) for s in secrets]
    except ValueError as exc:
        raise ImproperlyConfigured(f"FIELD_ENCRYPTION_KEYS holds a key that is not a Fernet key: {exc}") from exc
    return MultiFernet(fernets)


def _fernet() -> MultiFernet:
    keys = tuple(key for key in getattr(settings, "FIELD_ENCRYPTION_KEYS", ()) if key)
    secrets = (settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", ()))
    return _fernet_for(keys, secrets if not keys else ())


def encrypt(text: str) -> str:
    if not text:
        return ""
    return PREFIX + _fernet().encrypt(text.encode()).decode("ascii")


def decrypt(stored: str) -> str:
    if not stored or not stored.startswith(PREFIX):
        return stored or ""
    try:
        return _fernet().decrypt(stored[len(PREFIX) :].encode("ascii")).decode()
    except (InvalidToken, UnicodeError) as exc:
        raise DecryptionFailed(
            "A stored secret could not be decrypted: keep the old key in FIELD_ENCRYPTION_KEYS (or the old "
            "SECRET_KEY in SECRET_KEY_FALLBACKS)."
        ) from exc


def is_encrypted(stored: str) -> bool:
    return bool(stored) and stored.startswith(PREFIX)


class EncryptedTextField(models.TextField):
    """Text that the database holds encrypted; the model attribute is the plain text. Empty stays empty."""

    def from_db_value(self, value, expression, connection):
        return value if value is None else decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return value if value is None else encrypt(value)
