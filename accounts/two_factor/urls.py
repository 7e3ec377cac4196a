from django.urls import path

from . import school, verify, views

urlpatterns = [
    path("two-factor/", views.two_factor, name="two_factor"),
    path("two-factor/setup/", views.two_factor_setup, name="two_factor_setup"),
    path("two-factor/recovery-codes/", views.two_factor_codes, name="two_factor_codes"),
    path("two-factor/recovery-codes/new/", views.two_factor_regenerate, name="two_factor_regenerate"),
    path("two-factor/off/", views.two_factor_disable, name="two_factor_disable"),
    path("two-factor/verify/", verify.two_factor_verify, name="two_factor_verify"),
    path("security/", school.school_security, name="school_security"),
]
