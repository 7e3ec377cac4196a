"""Signed, time-limited links that let one person act on one object without logging in, and the page that
lists what waits for the user and for others.

A link kind (`SignedLink`) names its purpose in the salt, so no other signed link of the site can stand in
for it, and says how long a link lasts. A token signs "<pk>:<version>" with a timestamp: the version is a
value of the object that changes when an older e-mail should stop working (a meeting's sequence, the moment
a record was sent). The token format is Django's `TimestampSigner`, so links already sent keep working as
long as the salt and the version stay the same.

The app declares what a link points at (how to load the object and what its version is) and the messages
its refusal page shows; reading a token gives the object or raises a `TokenError` with `status` and
`message` for that page.
"""

from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Any

from django.core import signing
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class TokenError(Exception):
    """A link that cannot be used; `status` and `message` say why, for the page that refuses it.

    `obj` is the object the link was made for when it still exists (an outdated link), else None.
    """

    status = 400
    message = _("This link is not valid. Please use the link in the e-mail exactly as it was sent.")

    def __init__(self, message: str | Promise | None = None, obj: Any = None):
        if message is not None:
            self.message = message
        self.obj = obj
        super().__init__(str(self.message))


class TokenInvalid(TokenError):
    """Not made by this site for this purpose: tampered with, cut short, or meant for another link kind."""


class TokenExpired(TokenError):
    status = 410


class TokenOutdated(TokenError):
    """Made for an object that is gone or has changed since the e-mail was sent."""

    status = 410


class SignedLink[T]:
    """One kind of signed link: its salt (the purpose), how long it lasts, and the object it acts on.

    `load(pk)` returns the object or None; `version(obj)` is the text that must still match for the link
    to work. The messages are those of the refusal page for an expired and for an outdated link.
    """

    def __init__(
        self,
        *,
        salt: str,
        max_age: timedelta,
        load: Callable[[int], T | None],
        version: Callable[[T], object],
        expired_message: str | Promise,
        outdated_message: str | Promise,
    ):
        self.salt = salt
        self.max_age = max_age
        self._load = load
        self._version = version
        self.expired_message = expired_message
        self.outdated_message = outdated_message

    def _signer(self) -> signing.TimestampSigner:
        return signing.TimestampSigner(salt=self.salt)

    def make(self, obj: T) -> str:
        return self._signer().sign(f"{obj.pk}:{self._version(obj)}")

    def read(self, token: str, *, max_age: timedelta | None = None) -> T:
        """The object the token was made for; a TokenError otherwise."""
        try:
            value = self._signer().unsign(token, max_age=self.max_age if max_age is None else max_age)
        except signing.SignatureExpired:
            raise TokenExpired(self.expired_message) from None
        except signing.BadSignature:
            raise TokenInvalid() from None
        pk, _sep, version = value.partition(":")
        try:
            pk = int(pk)
        except ValueError:
            raise TokenInvalid() from None
        obj = self._load(pk)
        if obj is None:
            # Deleted since: the signature was good, so the link merely lost its meaning.
            raise TokenOutdated(self.outdated_message)
        if str(self._version(obj)) != version:
            raise TokenOutdated(self.outdated_message, obj)
        return obj


def render_waiting(request, template: str, *, mine: Iterable, others: Iterable):
    """The "waiting for you / waiting for others" page of a sign-off by several people.

    `mine` are the items waiting for the user's own step, `others` the user's items waiting for someone
    else. The template extends "includes/_waiting_page.html" and fills its blocks.
    """
    return render(request, template, {"mine": list(mine), "others": list(others)})
