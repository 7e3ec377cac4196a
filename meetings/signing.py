"""Signed, time-limited links that let one participant act without logging in.

A token names one participant and the meeting's sequence at the time of signing, so a link from before a
reschedule or a cancellation stops working: the person must use the newest e-mail. The purpose goes into
the salt, so a link to answer an invitation cannot be used to confirm minutes, or the other way round.
"""

from datetime import timedelta

from django.core import signing
from django.utils.translation import gettext_lazy as _

from .models import Participant

PURPOSES = ("respond", "minutes")
RESPOND_MAX_AGE = timedelta(days=14)


class TokenError(Exception):
    """A link that cannot be used; `status` and `message` say why, for the page that refuses it."""

    status = 400
    message = _("This link is not valid. Please use the link in the e-mail exactly as it was sent.")

    def __init__(self, participant: Participant | None = None):
        super().__init__(str(self.message))
        self.participant = participant


class TokenInvalid(TokenError):
    pass


class TokenExpired(TokenError):
    status = 410
    message = _("This link has expired. Please log in, or ask the organiser to send the invitation again.")


class TokenOutdated(TokenError):
    status = 410
    message = _("The meeting has changed since this link was sent. Please use the link in the newest e-mail.")


def _signer(purpose: str) -> signing.TimestampSigner:
    if purpose not in PURPOSES:
        raise ValueError(f"Unknown purpose for a meeting link: {purpose!r}")
    return signing.TimestampSigner(salt=f"meetings.{purpose}")


def make_token(participant: Participant, purpose: str) -> str:
    return _signer(purpose).sign(f"{participant.pk}:{participant.meeting.sequence}")


def read_token(token: str, purpose: str, max_age: timedelta = RESPOND_MAX_AGE) -> Participant:
    """The participant the token was made for, with its meeting and placement; a TokenError otherwise."""
    try:
        value = _signer(purpose).unsign(token, max_age=max_age)
    except signing.SignatureExpired:
        raise TokenExpired() from None
    except signing.BadSignature:
        raise TokenInvalid() from None
    participant_pk, _sep, sequence = value.partition(":")
    try:
        participant_pk, sequence = int(participant_pk), int(sequence)
    except ValueError:
        raise TokenInvalid() from None
    participant = (
        Participant.objects.select_related(
            "user", "meeting__placement__learner", "meeting__placement__company", "meeting__organiser"
        )
        .filter(pk=participant_pk)
        .first()
    )
    if participant is None:
        # Someone removed from the meeting; the signature was good, so the link merely lost its meaning.
        raise TokenOutdated()
    if participant.meeting.sequence != sequence:
        raise TokenOutdated(participant)
    return participant
