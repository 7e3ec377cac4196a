from django.urls import path

from . import views

urlpatterns = [
    path("surveys/", views.my_surveys, name="my_surveys"),
    path("surveys/<int:pk>/", views.survey_answer, name="survey_answer"),
    path("answer/<str:token>/", views.survey_answer_signed, name="survey_answer_signed"),
    path("rules/", views.rule_list, name="feedback_rules"),
    path("rules/<int:pk>/", views.rule_edit, name="feedback_rule_edit"),
    path("settings/", views.feedback_settings, name="feedback_settings"),
]
