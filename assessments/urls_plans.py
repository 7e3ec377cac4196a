from django.urls import path

from .views import plans

urlpatterns = [
    path("placements/<int:pk>/assessment-plan/", plans.assessment_plan, name="assessment_plan"),
    path("placements/<int:pk>/assessment-plan/edit/", plans.assessment_plan_edit, name="assessment_plan_edit"),
    path("placements/<int:pk>/assessment-plan/moments/new/", plans.assessment_moment_new, name="assessment_moment_new"),
    path(
        "placements/<int:pk>/assessment-plan/moments/<int:moment_pk>/edit/",
        plans.assessment_moment_edit,
        name="assessment_moment_edit",
    ),
    path(
        "placements/<int:pk>/assessment-plan/moments/<int:moment_pk>/delete/",
        plans.assessment_moment_delete,
        name="assessment_moment_delete",
    ),
]
