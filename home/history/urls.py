from django.urls import path

from . import views

urlpatterns = [
    path("history/<slug:kind>/<int:pk>/", views.history, name="history"),
]
