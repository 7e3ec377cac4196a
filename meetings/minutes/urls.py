from django.urls import path

from . import views

urlpatterns = [
    path("meetings/<int:pk>/minutes/", views.minutes_detail, name="minutes_detail"),
    path("meetings/<int:pk>/minutes/edit/", views.minutes_edit, name="minutes_edit"),
    path("meetings/<int:pk>/minutes/confirm/", views.minutes_confirm, name="minutes_confirm"),
    path("meetings/<int:pk>/minutes/withdraw/", views.minutes_withdraw, name="minutes_withdraw"),
    path("meetings/<int:pk>/minutes/pdf/", views.minutes_pdf, name="minutes_pdf"),
    path("meetings/minutes/waiting/", views.minutes_waiting, name="minutes_waiting"),
    path("meetings/minutes/confirm/<str:token>/", views.minutes_confirm_signed, name="minutes_confirm_signed"),
]
