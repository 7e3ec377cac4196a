from django.urls import path

from . import feedback_views, views

urlpatterns = [
    path("growth/", views.growth_plan, name="growth_plan"),
    path("growth/goals/new/", views.growth_goal_new, name="growth_goal_new"),
    path("growth/goals/<int:pk>/", views.growth_goal_edit, name="growth_goal_edit"),
    path("growth/goals/<int:pk>/delete/", views.growth_goal_delete, name="growth_goal_delete"),
    path("growth/self-assessments/", views.growth_self_assessments, name="growth_self_assessments"),
    path("growth/self-assessments/new/", views.growth_self_assessment_new, name="growth_self_assessment_new"),
    path("growth/self-assessments/compare/", views.growth_compare, name="growth_compare"),
    path("growth/feedback/", feedback_views.growth_feedback, name="growth_feedback"),
    path(
        "growth/feedback/<int:pk>/withdraw/", feedback_views.growth_feedback_withdraw, name="growth_feedback_withdraw"
    ),
    path("feedback-for-mentor/<str:token>/", feedback_views.growth_feedback_answer, name="growth_feedback_answer"),
]
