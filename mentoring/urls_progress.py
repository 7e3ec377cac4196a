from django.urls import path

from .views import progress

urlpatterns = [
    path("placements/<int:pk>/progress/", progress.progress, name="mentoring_progress"),
]
