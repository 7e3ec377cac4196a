from django.urls import path

from .caseload import views as caseload_views
from .company import views as company_views
from .health import views as health_views
from .overview import views as overview_views

urlpatterns = [
    path("placements/", overview_views.overview, name="oversight_placements"),
    path("placements/export/", overview_views.overview_export, name="oversight_export"),
    path("placements/charts/", overview_views.overview_charts_page, name="oversight_charts"),
    path("settings/", health_views.health_settings, name="oversight_settings"),
    path("caseload/", caseload_views.caseload_page, name="oversight_caseload"),
    path("company/", company_views.company_view, name="oversight_company"),
]
