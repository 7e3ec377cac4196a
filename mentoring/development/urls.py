from django.urls import path

from . import views

urlpatterns = [
    path("development/", views.development_list, name="development_list"),
    path("development/export.csv", views.development_export, name="development_export"),
    path("development/<int:pk>/edit/", views.development_edit, name="development_edit"),
    path("development/<int:pk>/delete/", views.development_delete, name="development_delete"),
    path("development/<int:pk>/proof/", views.development_proof, name="development_proof"),
]
