"""Every coaching route hangs off a placement, except the mentor's own development log."""

from . import urls_development, urls_hours, urls_obstacles
from .agreements import urls as agreements_urls
from .plans import urls as plans_urls
from .progress import urls as progress_urls
from .sessions import urls as sessions_urls

urlpatterns = [
    *plans_urls.urlpatterns,
    *agreements_urls.urlpatterns,
    *sessions_urls.urlpatterns,
    *urls_hours.urlpatterns,
    *urls_obstacles.urlpatterns,
    *progress_urls.urlpatterns,
    *urls_development.urlpatterns,
]
