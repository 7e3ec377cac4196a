"""The unread-notification count for the navigation badge: one COUNT query, and only when a page shows it."""

from django.utils.functional import SimpleLazyObject

from .selectors_reminders import unread_notification_count


def notifications(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notifications": 0}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_notification_count(user))}
