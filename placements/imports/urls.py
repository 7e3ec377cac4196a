from django.urls import path

from . import views

urlpatterns = [
    path("imports/", views.sis_import_upload, name="sis_import_upload"),
    path("imports/<uuid:public_id>/", views.sis_import_detail, name="sis_import_detail"),
    path("imports/<uuid:public_id>/columns/", views.sis_import_map, name="sis_import_map"),
    path("imports/<uuid:public_id>/progress/", views.sis_import_progress, name="sis_import_progress"),
    path("imports/<uuid:public_id>/apply/", views.sis_import_apply, name="sis_import_apply"),
    path("imports/<uuid:public_id>/result.csv", views.sis_import_result, name="sis_import_result"),
]
