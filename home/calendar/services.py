"""Making, renewing and revoking a person's calendar feed address; finding the person an address belongs to.

The token is 256 random bits, shown once; only its SHA-256 is stored, so the table cannot be turned into
working addresses. Renewing replaces the hash: the old address answers 404 from then on, as after revoking.
"""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User

from ..models import CalendarFeed

LAST_USED_PRECISION = timedelta(minutes=15)  # a calendar polls often; one write per quarter hour is enough


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def feed_renew(*, user: User) -> str:
    """A new address for `user` (the first, or one replacing the old); returns the token, which is not kept."""
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.update_or_create(
        user=user, defaults={"token_hash": _hash(token), "created_at": timezone.now(), "last_used_at": None}
    )
    return token


def feed_revoke(*, user: User) -> bool:
    deleted, _ = CalendarFeed.objects.filter(user=user).delete()
    return bool(deleted)


def feed_owner(token: str) -> User | None:
    """The active person whose address this is, or None; notes when the feed was last read."""
    if not token or len(token) > 100:
        return None
    feed = CalendarFeed.objects.select_related("user").filter(token_hash=_hash(token), user__is_active=True).first()
    if feed is None:
        return None
    now = timezone.now()
    if feed.last_used_at is None or feed.last_used_at < now - LAST_USED_PRECISION:
        CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
    return feed.user
