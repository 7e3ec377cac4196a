from django.urls import path

from . import views

urlpatterns = [
    path("placements/<int:pk>/evidence/", views.evidence_list, name="evidence_list"),
    path("placements/<int:pk>/evidence/new/", views.evidence_new, name="evidence_new"),
    path("placements/<int:pk>/evidence/<int:evidence_pk>/file/", views.evidence_file, name="evidence_file"),
    path("placements/<int:pk>/evidence/<int:evidence_pk>/delete/", views.evidence_remove, name="evidence_delete"),
]
