from django.urls import path

from . import views

urlpatterns = [
    path("placements/<int:pk>/assessment-plan/", views.assessment_plan, name="assessment_plan"),
    path("placements/<int:pk>/assessment-plan/edit/", views.assessment_plan_edit, name="assessment_plan_edit"),
    path("placements/<int:pk>/assessment-plan/moments/new/", views.assessment_moment_new, name="assessment_moment_new"),
    path(
        "placements/<int:pk>/assessment-plan/moments/<int:moment_pk>/edit/",
        views.assessment_moment_edit,
        name="assessment_moment_edit",
    ),
    path(
        "placements/<int:pk>/assessment-plan/moments/<int:moment_pk>/delete/",
        views.assessment_moment_delete,
        name="assessment_moment_delete",
    ),
]
