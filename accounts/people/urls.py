from django.urls import path, register_converter

from . import company_views, invitation_views, school_views, two_factor_views, views


class OrgKind:
    """`school` or `company`: whose people a page is about."""

    regex = "school|company"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(OrgKind, "orgkind")

urlpatterns = [
    path("people/", views.people_home, name="people"),
    path("people/<orgkind:kind>/<int:pk>/", views.people_list, name="people_list"),
    path("people/<orgkind:kind>/<int:pk>/add/", views.people_add, name="people_add"),
    path("people/<orgkind:kind>/<int:pk>/invitations/", invitation_views.invitation_list, name="people_invitations"),
    path("people/<orgkind:kind>/<int:pk>/<int:user_pk>/", views.people_person, name="people_person"),
    path(
        "people/<orgkind:kind>/<int:pk>/<int:user_pk>/deactivate/",
        views.people_deactivate,
        name="people_deactivate",
    ),
    path(
        "people/<orgkind:kind>/<int:pk>/<int:user_pk>/reactivate/",
        views.people_reactivate,
        name="people_reactivate",
    ),
    path(
        "people/<orgkind:kind>/<int:pk>/<int:user_pk>/two-factor-reset/",
        two_factor_views.people_two_factor_reset,
        name="people_two_factor_reset",
    ),
    path("invitations/<int:pk>/resend/", invitation_views.invitation_resend, name="people_invitation_resend"),
    path("invitations/<int:pk>/revoke/", invitation_views.invitation_revoke, name="people_invitation_revoke"),
    path("companies/", company_views.company_list, name="people_companies"),
    path("companies/new/", company_views.company_new, name="people_company_new"),
    path("companies/<int:pk>/edit/", company_views.company_edit, name="people_company_edit"),
    path("companies/<int:pk>/locations/new/", company_views.location_new, name="people_location_new"),
    path("companies/<int:pk>/locations/<int:location_pk>/", company_views.location_edit, name="people_location_edit"),
    path(
        "companies/<int:pk>/locations/<int:location_pk>/remove/",
        company_views.location_remove,
        name="people_location_remove",
    ),
    path("schools/", school_views.school_list, name="people_schools"),
    path("schools/new/", school_views.school_new, name="people_school_new"),
    path("schools/<int:pk>/edit/", school_views.school_edit, name="people_school_edit"),
]
