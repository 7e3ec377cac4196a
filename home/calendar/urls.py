from django.urls import path

from . import views

urlpatterns = [
    path("calendar/<str:token>/werkmentor.ics", views.calendar_feed, name="calendar_feed"),
    path("me/calendar/", views.calendar_feed_manage, name="calendar_feed_manage"),
]
