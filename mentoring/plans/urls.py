from django.urls import path

from . import intake_drafts
from . import views as plans

urlpatterns = [
    path("placements/<int:pk>/plan/", plans.plan_detail, name="mentoring_plan"),
    path("placements/<int:pk>/plan/edit/", plans.plan_edit, name="mentoring_plan_edit"),
    path("placements/<int:pk>/plan/submit/", plans.plan_submit_view, name="mentoring_plan_submit"),
    path("placements/<int:pk>/plan/decide/", plans.plan_decide_view, name="mentoring_plan_decide"),
    path("placements/<int:pk>/plan/versions/<int:number>/", plans.plan_version, name="mentoring_plan_version"),
    path("placements/<int:pk>/plan/goals/new/", plans.goal_edit, name="mentoring_goal_new"),
    path("placements/<int:pk>/plan/goals/<int:goal_pk>/edit/", plans.goal_edit, name="mentoring_goal_edit"),
    path("placements/<int:pk>/plan/goals/<int:goal_pk>/delete/", plans.goal_remove, name="mentoring_goal_delete"),
    path("placements/<int:pk>/plan/goals/<int:goal_pk>/track/", plans.goal_tracking, name="mentoring_goal_track"),
    path(
        "placements/<int:pk>/plan/goals/from-intake/",
        intake_drafts.goals_from_intake,
        name="mentoring_goals_from_intake",
    ),
    path("placements/<int:pk>/plan/milestones/new/", plans.milestone_new, name="mentoring_milestone_new"),
    path(
        "placements/<int:pk>/plan/milestones/<int:milestone_pk>/",
        plans.milestone_update,
        name="mentoring_milestone_update",
    ),
]
