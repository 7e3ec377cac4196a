from django.urls import path

from . import manage, views

urlpatterns = [
    path("<int:pk>/start/", views.SsoStartView.as_view(), name="sso_start"),
    path("callback/", views.SsoCallbackView.as_view(), name="sso_callback"),
    path("settings/", manage.sso_settings, name="sso_settings"),
    path("settings/<int:school_pk>/add/", manage.provider_add, name="sso_provider_add"),
    path("settings/<int:school_pk>/password-login/", manage.password_login, name="sso_password_login"),
    path("settings/provider/<int:pk>/", manage.provider_edit, name="sso_provider_edit"),
]
