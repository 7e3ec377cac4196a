from django.urls import path

from . import views

urlpatterns = [
    path("learners/", views.learner_list, name="learner_list"),
    path("learners/new/", views.learner_new, name="learner_new"),
    path("learners/<int:user_pk>/edit/", views.learner_edit, name="learner_edit"),
    path("learners/<int:user_pk>/left/", views.learner_left, name="learner_left"),
    path("learners/<int:user_pk>/invite/", views.learner_invite_view, name="learner_invite"),
]
