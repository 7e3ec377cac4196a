from .badges import urls as badge_urls
from .certificates import urls as certificate_urls
from .courses import urls as course_urls
from .employers import urls as employer_urls
from .register import urls as register_urls

urlpatterns = [
    *course_urls.urlpatterns,
    *employer_urls.urlpatterns,
    *certificate_urls.urlpatterns,
    *register_urls.urlpatterns,
    *badge_urls.urlpatterns,
]
