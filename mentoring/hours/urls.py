from django.urls import path

from . import views as hours

urlpatterns = [
    path("placements/<int:pk>/hours/", hours.hours_page, name="mentoring_hours"),
    path("placements/<int:pk>/hours/<int:entry_pk>/edit/", hours.hours_edit, name="mentoring_hours_edit"),
    path("placements/<int:pk>/hours/<int:entry_pk>/delete/", hours.hours_delete, name="mentoring_hours_delete"),
    path("placements/<int:pk>/hours/<int:entry_pk>/decide/", hours.hours_decide, name="mentoring_hours_decide"),
    path("placements/<int:pk>/hours/approve-all/", hours.hours_approve_all_view, name="mentoring_hours_approve_all"),
]
