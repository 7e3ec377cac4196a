from django.urls import path

from . import views as critical

urlpatterns = [
    path("placements/<int:pk>/critical-situations/", critical.critical_list, name="mentoring_critical"),
    path("placements/<int:pk>/critical-situations/new/", critical.critical_new, name="mentoring_critical_new"),
    path(
        "placements/<int:pk>/critical-situations/<int:situation_pk>/",
        critical.critical_detail,
        name="mentoring_critical_detail",
    ),
    path(
        "placements/<int:pk>/critical-situations/<int:situation_pk>/support/",
        critical.critical_support,
        name="mentoring_critical_support",
    ),
]
