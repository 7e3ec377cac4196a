from django.urls import path

from .views import signatures

urlpatterns = [
    path("assessments/<int:pk>/submit/", signatures.assessment_submit, name="assessment_submit"),
    path("assessments/<int:pk>/withdraw/", signatures.assessment_withdraw, name="assessment_withdraw"),
    path("assessments/<int:pk>/sign/", signatures.assessment_sign, name="assessment_sign"),
    path("assessments/waiting/", signatures.assessment_waiting, name="assessment_waiting"),
    path("assessments/sign/<str:token>/", signatures.assessment_sign_link, name="assessment_sign_link"),
]
