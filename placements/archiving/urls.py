from django.urls import path

from . import views

urlpatterns = [
    path("<int:pk>/archive/", views.placement_archive, name="placement_archive"),
    path("<int:pk>/restore/", views.placement_restore, name="placement_restore"),
]
