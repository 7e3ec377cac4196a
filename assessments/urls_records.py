from django.urls import path

from .views import records

urlpatterns = [
    path("placements/<int:pk>/assessments/", records.assessment_list, name="assessment_list"),
    path("placements/<int:pk>/assessments/new/", records.assessment_new, name="assessment_new"),
    path("assessments/<int:pk>/", records.assessment_detail, name="assessment_detail"),
    path("assessments/<int:pk>/edit/", records.assessment_edit, name="assessment_edit"),
    path("assessments/<int:pk>/amend/", records.assessment_amend, name="assessment_amend"),
    path("assessments/<int:pk>/delete/", records.assessment_delete, name="assessment_delete"),
]
