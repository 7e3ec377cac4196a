from django.urls import path

from . import views
from .calendar import urls as calendar_urls
from .history import urls as history_urls

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    *history_urls.urlpatterns,
    *calendar_urls.urlpatterns,
]
