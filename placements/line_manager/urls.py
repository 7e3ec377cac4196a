from django.urls import path

from . import views

urlpatterns = [
    path("<int:pk>/line-manager/", views.line_manager_edit, name="placement_line_manager"),
]
