"""The API under /api/v1/ (its OpenAPI document and documentation pages too) and the token pages under /api/."""

from django.urls import include, path, re_path, register_converter
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import token_views, views
from .docs import csp_for_docs, not_found


class Identifier:
    """A student or KvK number in a path: any text but a slash or a NUL (which PostgreSQL text cannot hold)."""

    regex = "[^/\x00]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(Identifier, "identifier")

v1 = [
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("docs/", csp_for_docs(SpectacularSwaggerSplitView.as_view(url_name="api_schema")), name="api_docs"),
    path("certificates/verify/<str:code>/", views.VerifyView.as_view(), name="api_verify"),
    path("register/", views.RegisterView.as_view(), name="api_register"),
    path("placements/", views.PlacementList.as_view(), name="api_placements"),
    path("placements/<int:pk>/", views.PlacementDetail.as_view(), name="api_placement"),
    path("schools/", views.SchoolList.as_view(), name="api_schools"),
    path("schools/<int:school_id>/people/", views.PeopleList.as_view(), name="api_people"),
    path("schools/<int:school_id>/learners/", views.LearnerList.as_view(), name="api_learners"),
    path("schools/<int:school_id>/learners/<identifier:number>/", views.LearnerDetail.as_view(), name="api_learner"),
    path("companies/", views.CompanyList.as_view(), name="api_companies"),
    path("companies/<identifier:kvk>/", views.CompanyDetail.as_view(), name="api_company"),
    # Anything else under /api/v1/ is a problem document too, not the site's HTML 404 page.
    re_path(r"^.*$", not_found),
]

urlpatterns = [
    path("api/tokens/school/<int:school_id>/", token_views.token_list, name="api_tokens"),
    path("api/tokens/<int:pk>/revoke/", token_views.token_revoke_view, name="api_token_revoke"),
    path("api/v1/", include(v1)),
]
