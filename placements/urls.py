from django.urls import path

from . import lookups, views
from .archiving import urls as archiving_urls
from .imports import urls as imports_urls
from .induction import urls as induction_urls
from .intake import urls as intake_urls
from .learners import urls as learners_urls
from .line_manager import urls as line_manager_urls
from .programmes import urls as programmes_urls
from .recruitment import urls as recruitment_urls
from .selection import urls as selection_urls

urlpatterns = [
    path("", views.placement_list, name="placement_list"),
    path("new/", views.placement_new, name="placement_new"),
    path("mentor-options/", views.mentor_options, name="placement_mentor_options"),
    path("lookup/companies/", lookups.companies, name="placement_lookup_companies"),
    path("lookup/learners/", lookups.learners, name="placement_lookup_learners"),
    path("lookup/supervisors/", lookups.supervisors, name="placement_lookup_supervisors"),
    path("lookup/programmes/", lookups.programmes, name="placement_lookup_programmes"),
    path("lookup/list-companies/", lookups.list_companies, name="placement_list_lookup_companies"),
    path("lookup/list-programmes/", lookups.list_programmes, name="placement_list_lookup_programmes"),
    path("<int:pk>/", views.placement_detail, name="placement_detail"),
    path("<int:pk>/edit/", views.placement_edit, name="placement_edit"),
    path("<int:pk>/status/", views.placement_status, name="placement_status"),
    *archiving_urls.urlpatterns,
    *recruitment_urls.urlpatterns,
    *selection_urls.urlpatterns,
    *intake_urls.urlpatterns,
    *induction_urls.urlpatterns,
    *line_manager_urls.urlpatterns,
    *learners_urls.urlpatterns,
    *programmes_urls.urlpatterns,
    *imports_urls.urlpatterns,
]
