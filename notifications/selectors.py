"""Reads of a person's own notifications."""

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from accounts.models import User

from .models import Notification


def notifications_of(user: User) -> QuerySet[Notification]:
    """The person's notifications, unread first, newest first within each."""
    unread = ExpressionWrapper(Q(read_at__isnull=True), output_field=BooleanField())
    return Notification.objects.filter(user=user).alias(unread=unread).order_by("-unread", "-created_at", "-pk")


def unread_notification_count(user: User) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
