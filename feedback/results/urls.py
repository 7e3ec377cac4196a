from django.urls import path

from . import views

urlpatterns = [
    path("results/", views.results_index, name="feedback_results"),
    path("results/<str:by>/<str:key>/", views.result_detail, name="feedback_result"),
    path("results/<str:by>/<str:key>/export.csv", views.result_export, name="feedback_result_export"),
]
