from django.urls import path

from . import views

urlpatterns: list = [
    path(".well-known/jwks.json", views.all_jwks, name="badge_jwks_all"),
    path("schools/<int:school_pk>/issuer/", views.issuer, name="badge_issuer"),
    path("schools/<int:school_pk>/jwks.json", views.school_jwks, name="badge_jwks"),
    path("schools/<int:school_pk>/keys/<str:kid>/", views.signing_key, name="badge_key"),
    path("schools/<int:school_pk>/credentials/status/<int:page>/", views.status_list, name="badge_status_list"),
    path("certificates/<int:pk>/badge.json", views.badge_json, name="certificate_badge_json"),
    path("certificates/<int:pk>/badge.jwt", views.badge_jwt, name="certificate_badge_jwt"),
    path("certificates/<int:pk>/badge.png", views.badge_image, name="certificate_badge_png"),
]
