from django.urls import path

from .views import meetings, respond

urlpatterns = [
    path("placements/<int:pk>/meetings/", meetings.meeting_list, name="meeting_list"),
    path("placements/<int:pk>/meetings/new/", meetings.meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/calendar.ics", meetings.meeting_ics, name="meeting_ics"),
    path("meetings/<int:pk>/respond/", meetings.meeting_respond, name="meeting_respond"),
    path("meetings/<int:pk>/reschedule/", meetings.meeting_reschedule, name="meeting_reschedule"),
    path("meetings/<int:pk>/cancel/", meetings.meeting_cancel, name="meeting_cancel"),
    path("meetings/respond/<str:token>/", respond.meeting_respond_signed, name="meeting_respond_signed"),
]
