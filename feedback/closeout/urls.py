from django.urls import path

from . import views

urlpatterns = [
    path("placements/<int:pk>/close-out/", views.closeout, name="placement_closeout"),
    path("placements/<int:pk>/close-out/close/", views.close, name="placement_close"),
    path("placements/<int:pk>/employer-review/", views.employer_review, name="employer_review"),
    path("placements/<int:pk>/reference-letter/", views.reference_letter, name="reference_letter"),
    path("placements/<int:pk>/reference-letter/send/", views.reference_letter_send, name="reference_letter_send"),
    path("placements/<int:pk>/reference-letter/pdf/", views.reference_letter_pdf, name="reference_letter_pdf"),
]
