from . import urls_meetings, urls_minutes, urls_notifications

urlpatterns = [*urls_meetings.urlpatterns, *urls_minutes.urlpatterns, *urls_notifications.urlpatterns]
