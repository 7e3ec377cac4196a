from django.urls import path

from . import views as agreements

urlpatterns = [
    path("placements/<int:pk>/agreement/", agreements.agreement_detail, name="mentoring_agreement"),
    path("placements/<int:pk>/agreement/edit/", agreements.agreement_edit, name="mentoring_agreement_edit"),
    path("placements/<int:pk>/agreement/accept/", agreements.agreement_accept, name="mentoring_agreement_accept"),
]
