from django.urls import path

from . import views

urlpatterns = [
    path("", views.outbox_list, name="outbox"),
    path("<int:pk>/send-again/", views.outbox_send_again, name="outbox_send_again"),
]
