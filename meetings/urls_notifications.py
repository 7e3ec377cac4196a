from django.urls import path

from .views import notifications

urlpatterns = [
    path("notifications/", notifications.notification_list, name="notification_list"),
    path("notifications/read/", notifications.notification_read_all, name="notification_read_all"),
    path("notifications/badge/", notifications.notification_badge, name="notification_badge"),
]
