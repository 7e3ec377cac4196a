from django.urls import path

from . import views as obstacles

urlpatterns = [
    path("placements/<int:pk>/obstacles/", obstacles.obstacle_list, name="mentoring_obstacles"),
    path("placements/<int:pk>/obstacles/new/", obstacles.obstacle_new, name="mentoring_obstacle_new"),
    path(
        "placements/<int:pk>/obstacles/<int:obstacle_pk>/edit/",
        obstacles.obstacle_edit,
        name="mentoring_obstacle_edit",
    ),
    path("placements/<int:pk>/incidents/", obstacles.incident_list, name="mentoring_incidents"),
    path("placements/<int:pk>/incidents/new/", obstacles.incident_new, name="mentoring_incident_new"),
    path(
        "placements/<int:pk>/incidents/<int:incident_pk>/",
        obstacles.incident_detail,
        name="mentoring_incident_detail",
    ),
    path(
        "placements/<int:pk>/incidents/<int:incident_pk>/escalate/",
        obstacles.incident_escalate,
        name="mentoring_incident_escalate",
    ),
    path(
        "placements/<int:pk>/incidents/<int:incident_pk>/close/",
        obstacles.incident_close,
        name="mentoring_incident_close",
    ),
]
