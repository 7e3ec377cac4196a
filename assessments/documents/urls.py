from django.urls import path

from . import views

urlpatterns = [
    path("assessments/<int:pk>/pdf/", views.assessment_pdf, name="assessment_pdf"),
]
