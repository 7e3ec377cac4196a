from django.urls import path

from . import views_candidates

urlpatterns = [
    path("profile/", views_candidates.candidate_profile, name="candidate_profile"),
    path("profile/edit/", views_candidates.candidate_profile_edit, name="candidate_profile_edit"),
    path("profile/matches/", views_candidates.candidate_matches, name="candidate_matches"),
    path("learners/<int:user_pk>/profile/", views_candidates.learner_profile, name="learner_profile"),
    path("learners/<int:user_pk>/profile/edit/", views_candidates.learner_profile_edit, name="learner_profile_edit"),
    # The same page for school staff, about one of their learners: reverse with the learner's id.
    path("learners/<int:user_pk>/matches/", views_candidates.candidate_matches, name="candidate_matches"),
]
