from django.urls import path

from . import views

urlpatterns = [
    path("<int:pk>/start/", views.SsoStartView.as_view(), name="sso_start"),
    path("callback/", views.SsoCallbackView.as_view(), name="sso_callback"),
]
