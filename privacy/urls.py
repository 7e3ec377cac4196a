from django.urls import path

from . import views

urlpatterns = [
    path("privacy/", views.privacy_statement, name="privacy_statement"),
    path("privacy/my-data/", views.my_data, name="privacy_my_data"),
    path("privacy/requests/", views.request_list, name="privacy_requests"),
    path("privacy/requests/<int:pk>/", views.request_detail, name="privacy_request"),
    path("privacy/requests/<int:pk>/fulfil/", views.request_fulfil, name="privacy_request_fulfil"),
    path("privacy/requests/<int:pk>/refuse/", views.request_refuse, name="privacy_request_refuse"),
    path("privacy/retention/", views.retention_page, name="privacy_retention"),
]
