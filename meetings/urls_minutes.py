from django.urls import path

from .views import minutes

urlpatterns = [
    path("meetings/<int:pk>/minutes/", minutes.minutes_detail, name="minutes_detail"),
    path("meetings/<int:pk>/minutes/edit/", minutes.minutes_edit, name="minutes_edit"),
    path("meetings/<int:pk>/minutes/confirm/", minutes.minutes_confirm, name="minutes_confirm"),
    path("meetings/<int:pk>/minutes/withdraw/", minutes.minutes_withdraw, name="minutes_withdraw"),
    path("meetings/<int:pk>/minutes/pdf/", minutes.minutes_pdf, name="minutes_pdf"),
    path("meetings/minutes/waiting/", minutes.minutes_waiting, name="minutes_waiting"),
    path("meetings/minutes/confirm/<str:token>/", minutes.minutes_confirm_signed, name="minutes_confirm_signed"),
]
