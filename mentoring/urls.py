"""Every coaching route hangs off a placement, except the mentor's own development log."""

from . import urls_development, urls_hours, urls_obstacles, urls_plans, urls_progress, urls_sessions

urlpatterns = [
    *urls_plans.urlpatterns,
    *urls_sessions.urlpatterns,
    *urls_hours.urlpatterns,
    *urls_obstacles.urlpatterns,
    *urls_progress.urlpatterns,
    *urls_development.urlpatterns,
]
