from django.urls import path

from . import views as schedule

urlpatterns = [
    path("placements/<int:pk>/schedule/", schedule.schedule, name="mentoring_schedule"),
    path(
        "placements/<int:pk>/schedule/<int:planned_pk>/prepare/",
        schedule.prepare,
        name="mentoring_planned_prepare",
    ),
    path("coaching/missed-sessions/", schedule.missed_sessions, name="mentoring_missed_sessions"),
]
