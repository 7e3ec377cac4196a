from django.urls import path

from . import views

urlpatterns = [
    path("placements/<int:pk>/assessments/", views.assessment_list, name="assessment_list"),
    path("placements/<int:pk>/assessments/new/", views.assessment_new, name="assessment_new"),
    path("assessments/<int:pk>/", views.assessment_detail, name="assessment_detail"),
    path("assessments/<int:pk>/edit/", views.assessment_edit, name="assessment_edit"),
    path("assessments/<int:pk>/amend/", views.assessment_amend, name="assessment_amend"),
    path("assessments/<int:pk>/delete/", views.assessment_delete, name="assessment_delete"),
]
