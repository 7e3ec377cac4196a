from django.urls import path

from . import views

urlpatterns = [
    path("assessments/<int:pk>/submit/", views.assessment_submit, name="assessment_submit"),
    path("assessments/<int:pk>/withdraw/", views.assessment_withdraw, name="assessment_withdraw"),
    path("assessments/<int:pk>/sign/", views.assessment_sign, name="assessment_sign"),
    path("assessments/waiting/", views.assessment_waiting, name="assessment_waiting"),
    path("assessments/sign/<str:token>/", views.assessment_sign_link, name="assessment_sign_link"),
]
