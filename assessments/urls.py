"""Assessment routes: frameworks, and per placement the plan, evidence, records and signatures."""

from .agreements import urls as agreements_urls
from .courses import urls as courses_urls
from .documents import urls as documents_urls
from .evidence import urls as evidence_urls
from .frameworks import urls as frameworks_urls
from .growth import urls as growth_urls
from .plans import urls as plans_urls
from .progress import urls as progress_urls
from .records import urls as records_urls
from .signatures import urls as signatures_urls

urlpatterns = [
    *frameworks_urls.urlpatterns,
    *plans_urls.urlpatterns,
    *evidence_urls.urlpatterns,
    *records_urls.urlpatterns,
    *signatures_urls.urlpatterns,
    *progress_urls.urlpatterns,
    *courses_urls.urlpatterns,
    *documents_urls.urlpatterns,
    *agreements_urls.urlpatterns,
    *growth_urls.urlpatterns,
]
