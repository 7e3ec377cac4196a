from django.urls import path

from . import views
from .history import urls as history_urls

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    *history_urls.urlpatterns,
]
