"""Every coaching route hangs off a placement, except the mentor's own development log."""

from .agreements import urls as agreements_urls
from .critical import urls as critical_urls
from .development import urls as development_urls
from .hours import urls as hours_urls
from .obstacles import urls as obstacles_urls
from .plans import urls as plans_urls
from .progress import urls as progress_urls
from .schedule import urls as schedule_urls
from .sessions import urls as sessions_urls

urlpatterns = [
    *plans_urls.urlpatterns,
    *agreements_urls.urlpatterns,
    *sessions_urls.urlpatterns,
    *schedule_urls.urlpatterns,
    *hours_urls.urlpatterns,
    *obstacles_urls.urlpatterns,
    *critical_urls.urlpatterns,
    *progress_urls.urlpatterns,
    *development_urls.urlpatterns,
]
