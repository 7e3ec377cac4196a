from django.urls import path

from .views import evidence

urlpatterns = [
    path("placements/<int:pk>/evidence/", evidence.evidence_list, name="evidence_list"),
    path("placements/<int:pk>/evidence/new/", evidence.evidence_new, name="evidence_new"),
    path("placements/<int:pk>/evidence/<int:evidence_pk>/file/", evidence.evidence_file, name="evidence_file"),
    path("placements/<int:pk>/evidence/<int:evidence_pk>/delete/", evidence.evidence_remove, name="evidence_delete"),
]
