from django.urls import path

from . import views as progress

urlpatterns = [
    path("placements/<int:pk>/progress/", progress.progress, name="mentoring_progress"),
]
