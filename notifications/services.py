"""In-app notifications, written at the level each person chose (all, essential only, none).

A reminder is normal news; an alert that needs someone to act (a placement without a meeting) is essential.
The same rule decides whether the e-mail goes out, so the app and the inbox never disagree.
"""

from django.utils import timezone

from accounts.models import User

from .models import Notification

TEXT_MAX = Notification._meta.get_field("text").max_length
URL_MAX = Notification._meta.get_field("url").max_length


def level_allows(user: User | None, level: str = Notification.Level.NORMAL) -> bool:
    """Whether `user` wants news of this level; someone without an account cannot opt out of e-mail."""
    if user is None:
        return True
    if not user.is_active:
        return False
    chosen = user.notification_level
    if chosen == User.NotificationLevel.ALL:
        return True
    return chosen == User.NotificationLevel.ESSENTIAL and level == Notification.Level.ESSENTIAL


def notify(user: User | None, text: str, url: str = "", level: str = Notification.Level.NORMAL) -> Notification | None:
    """Create one in-app notification unless the person chose not to get news of this level."""
    if user is None or not level_allows(user, level):
        return None
    text = str(text)
    if len(text) > TEXT_MAX:
        text = text[: TEXT_MAX - 1] + "…"
    return Notification.objects.create(user=user, text=text, url=str(url)[:URL_MAX], level=level)


def notifications_mark_all_read(*, user: User) -> int:
    """Mark all of the person's unread notifications read; returns how many were unread."""
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
