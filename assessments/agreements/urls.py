from django.urls import path

from . import views

urlpatterns = [
    path("placements/<int:pk>/placement-agreement/", views.placement_agreement, name="placement_agreement"),
    path("placements/<int:pk>/placement-agreement/new/", views.agreement_create, name="agreement_create"),
    path("placement-agreements/waiting/", views.agreement_waiting, name="agreement_waiting"),
    path("placement-agreements/<int:pk>/", views.agreement_detail, name="agreement_detail"),
    path("placement-agreements/<int:pk>/guardian/", views.agreement_guardian, name="agreement_guardian"),
    path("placement-agreements/<int:pk>/submit/", views.agreement_submit, name="agreement_submit"),
    path("placement-agreements/<int:pk>/withdraw/", views.agreement_withdraw, name="agreement_withdraw"),
    path("placement-agreements/<int:pk>/sign/", views.agreement_sign, name="agreement_sign"),
    path("placement-agreements/<int:pk>/pdf/", views.agreement_pdf, name="agreement_pdf"),
    path("placement-agreements/sign/<str:token>/", views.agreement_sign_link, name="agreement_sign_link"),
    path("placement-agreements/settings/", views.agreement_settings, name="agreement_settings"),
]
