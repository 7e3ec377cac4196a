"""Signed, time-limited links that let one signer sign an assessment record without logging in.

A token names one signature and the moment the record was sent for signatures. Withdrawing a record deletes
its signatures and sending it again sets a new moment, so a link from before a withdrawal stops working: the
signer must use the newest e-mail, about the content as it is now. The purpose goes into the salt, so no
other signed link of the app can stand in for this one.
"""

from datetime import UTC, datetime, timedelta

from django.core import signing
from django.utils.translation import gettext_lazy as _

from .models import Signature

SALT = "assessments.sign"
MAX_AGE = timedelta(days=14)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class TokenError(Exception):
    """A link that cannot be used; `status` and `message` say why, for the page that refuses it."""

    status = 400
    message = _("This link is not valid. Please use the link in the e-mail exactly as it was sent.")


class TokenInvalid(TokenError):
    pass


class TokenExpired(TokenError):
    status = 410
    message = _("This link has expired. Please sign in, or use the link in the newest reminder e-mail.")


class TokenOutdated(TokenError):
    status = 410
    message = _(
        "The assessment has changed since this link was sent. Please use the link in the newest e-mail about it."
    )


def _sent_marker(moment: datetime | None) -> str:
    # Whole microseconds since the epoch: exact, unlike a float timestamp, and the same after a database round trip.
    return "" if moment is None else str((moment - _EPOCH) // timedelta(microseconds=1))


def make_token(signature: Signature) -> str:
    return signing.TimestampSigner(salt=SALT).sign(f"{signature.pk}:{_sent_marker(signature.record.submitted_at)}")


def read_token(token: str, max_age: timedelta = MAX_AGE) -> Signature:
    """The signature the token was made for, with its record; a TokenError otherwise."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token, max_age=max_age)
    except signing.SignatureExpired:
        raise TokenExpired() from None
    except signing.BadSignature:
        raise TokenInvalid() from None
    signature_pk, _sep, sent = value.partition(":")
    try:
        signature_pk = int(signature_pk)
    except ValueError:
        raise TokenInvalid() from None
    signature = (
        Signature.objects.select_related(
            "user",
            "record__subject",
            "record__placement__learner",
            "record__placement__company",
            "record__enrolment__course",
            "record__moment",
            "record__framework_version__framework",
            "record__overall_level",
        )
        .filter(pk=signature_pk)
        .first()
    )
    # A withdrawn record lost its signatures; a resubmitted one has a new moment: either way, an older e-mail.
    if signature is None or _sent_marker(signature.record.submitted_at) != sent:
        raise TokenOutdated()
    return signature
