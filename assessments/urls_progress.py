from django.urls import path

from .views import progress

urlpatterns = [
    path(
        "placements/<int:pk>/assessments/development/",
        progress.assessment_development,
        name="assessment_development",
    ),
]
