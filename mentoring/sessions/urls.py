from django.urls import path

from . import views as sessions

urlpatterns = [
    path("placements/<int:pk>/sessions/", sessions.session_list, name="mentoring_sessions"),
    path("placements/<int:pk>/sessions/new/", sessions.session_new, name="mentoring_session_new"),
    path(
        "placements/<int:pk>/sessions/<int:session_pk>/reflection/",
        sessions.session_reflection,
        name="mentoring_session_reflect",
    ),
    path(
        "placements/<int:pk>/sessions/<int:session_pk>/attachments/<int:attachment_pk>/",
        sessions.attachment_download,
        name="mentoring_attachment",
    ),
    path("placements/<int:pk>/actions/<int:item_pk>/", sessions.action_item_toggle, name="mentoring_action_toggle"),
]
