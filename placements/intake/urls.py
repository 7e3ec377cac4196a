from django.urls import path

from . import views

urlpatterns = [
    path("learners/<int:user_pk>/intake/", views.learner_intake, name="learner_intake"),
    path("openings/<int:pk>/workplace/", views.opening_workplace, name="opening_workplace"),
    path("candidates/<int:pk>/preparation/", views.candidate_preparation, name="candidate_preparation"),
]
