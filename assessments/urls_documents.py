from django.urls import path

from .views import documents

urlpatterns = [
    path("assessments/<int:pk>/pdf/", documents.assessment_pdf, name="assessment_pdf"),
]
