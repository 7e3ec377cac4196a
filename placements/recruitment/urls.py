from django.urls import path

from . import lookups, profile_views, views

urlpatterns = [
    path("openings/", views.opening_list, name="opening_list"),
    path("openings/new/", views.opening_new, name="opening_new"),
    path("openings/lookup/programmes/", lookups.programmes, name="opening_lookup_programmes"),
    path("openings/lookup/learners/", lookups.learners, name="opening_lookup_learners"),
    path("openings/<int:pk>/", views.opening_detail, name="opening_detail"),
    path("openings/<int:pk>/edit/", views.opening_edit, name="opening_edit"),
    path("openings/<int:pk>/status/", views.opening_status, name="opening_status"),
    path("openings/<int:pk>/apply/", views.opening_apply, name="opening_apply"),
    path("openings/<int:pk>/propose/", views.opening_propose, name="opening_propose"),
    path("openings/<int:pk>/matches/", views.opening_matches, name="opening_matches"),
    path("applications/", views.my_applications, name="my_applications"),
    path("applications/<int:pk>/withdraw/", views.application_withdraw, name="application_withdraw"),
    path("profile/", profile_views.candidate_profile, name="candidate_profile"),
    path("profile/edit/", profile_views.candidate_profile_edit, name="candidate_profile_edit"),
    path("profile/matches/", profile_views.candidate_matches, name="candidate_matches"),
    path("learners/<int:user_pk>/profile/", profile_views.learner_profile, name="learner_profile"),
    path("learners/<int:user_pk>/profile/edit/", profile_views.learner_profile_edit, name="learner_profile_edit"),
    # The same page for school staff, about one of their learners: reverse with the learner's id.
    path("learners/<int:user_pk>/matches/", profile_views.candidate_matches, name="candidate_matches"),
]
