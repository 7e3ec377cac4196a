from django.urls import path

from . import views

urlpatterns = [
    path("placements/<int:pk>/meetings/", views.meeting_list, name="meeting_list"),
    path("placements/<int:pk>/meetings/new/", views.meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/calendar.ics", views.meeting_ics, name="meeting_ics"),
    path("meetings/<int:pk>/respond/", views.meeting_respond, name="meeting_respond"),
    path("meetings/<int:pk>/reschedule/", views.meeting_reschedule, name="meeting_reschedule"),
    path("meetings/<int:pk>/cancel/", views.meeting_cancel, name="meeting_cancel"),
    path("meetings/respond/<str:token>/", views.meeting_respond_signed, name="meeting_respond_signed"),
]
