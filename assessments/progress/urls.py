from django.urls import path

from . import views

urlpatterns = [
    path(
        "placements/<int:pk>/assessments/development/",
        views.assessment_development,
        name="assessment_development",
    ),
]
