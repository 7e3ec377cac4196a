"""A school's signing keys: made on first use, rotated on request, published as a JWKS.

The private key is stored encrypted (Fernet) with a key derived from SECRET_KEY; the keys in
SECRET_KEY_FALLBACKS still decrypt, so rotating the site's secret key the Django way keeps the badge keys usable.
Only the public half ever leaves this module.
"""

import base64
import hashlib
import secrets

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from joserfc.jwk import ECKey

from accounts.models import School

from ..models import SchoolSigningKey

ALGORITHM = "ES256"
CURVE = "P-256"


def _fernet() -> MultiFernet:
    secrets_in_order = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet(
        [
            Fernet(base64.urlsafe_b64encode(hashlib.sha256(b"werkmentor.badge-keys:" + s.encode()).digest()))
            for s in secrets_in_order
        ]
    )


def _new_key(school: School) -> SchoolSigningKey:
    key = ECKey.generate_key(CURVE)
    kid = f"{school.pk}-{secrets.token_urlsafe(12)}"
    return SchoolSigningKey.objects.create(
        school=school,
        kid=kid,
        algorithm=ALGORITHM,
        public_jwk=key.as_dict(private=False),
        private_key_encrypted=_fernet().encrypt(key.as_pem(private=True)),
    )


def active_key(school: School) -> SchoolSigningKey:
    """The key that signs for `school` now; made on first use (two requests at once end with one key)."""
    current = SchoolSigningKey.objects.filter(school=school, retired_at__isnull=True).first()
    if current is not None:
        return current
    try:
        with transaction.atomic():
            return _new_key(school)
    except IntegrityError:  # another request made it a moment ago
        return SchoolSigningKey.objects.get(school=school, retired_at__isnull=True)


@transaction.atomic
def rotate_key(school: School) -> SchoolSigningKey:
    """Retire the school's signing key and make a new one; the old public key stays published."""
    School.objects.select_for_update().filter(pk=school.pk).first()
    SchoolSigningKey.objects.filter(school=school, retired_at__isnull=True).update(retired_at=timezone.now())
    return _new_key(school)


def private_key(signing_key: SchoolSigningKey) -> ECKey:
    return ECKey.import_key(_fernet().decrypt(bytes(signing_key.private_key_encrypted)))


def public_jwk(signing_key: SchoolSigningKey, kid: str) -> dict:
    """The public key as a JWK, under the (absolute) key id credentials name in their header."""
    return {**signing_key.public_jwk, "kid": kid, "alg": signing_key.algorithm, "use": "sig"}
