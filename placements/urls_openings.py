from django.urls import path

from . import views_openings

urlpatterns = [
    path("openings/", views_openings.opening_list, name="opening_list"),
    path("openings/new/", views_openings.opening_new, name="opening_new"),
    path("openings/<int:pk>/", views_openings.opening_detail, name="opening_detail"),
    path("openings/<int:pk>/edit/", views_openings.opening_edit, name="opening_edit"),
    path("openings/<int:pk>/status/", views_openings.opening_status, name="opening_status"),
    path("openings/<int:pk>/apply/", views_openings.opening_apply, name="opening_apply"),
    path("openings/<int:pk>/propose/", views_openings.opening_propose, name="opening_propose"),
    path("openings/<int:pk>/matches/", views_openings.opening_matches, name="opening_matches"),
    path("applications/", views_openings.my_applications, name="my_applications"),
    path("applications/<int:pk>/withdraw/", views_openings.application_withdraw, name="application_withdraw"),
]
