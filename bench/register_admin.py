"""Admin (b) of the register benchmark: the certificate changelist cut down to what the register does.

The register's columns, 25 rows a page, no date hierarchy, the register's four search fields and no full
count beside the filtered one, on an AdminSite of its own at /bench-admin/ (the shipped admin stays as it is).
"""

import sys
import types

from django.contrib import admin
from django.urls import include, path

from registry.models import Certificate

site = admin.AdminSite(name="bench_admin")


@admin.register(Certificate, site=site)
class SlimCertificateAdmin(admin.ModelAdmin):
    list_display = ["number", "holder_name", "company_name", "company_city", "issued_on", "valid_until", "revoked_at"]
    list_filter = ["school"]
    search_fields = ["number", "holder_name", "company_name", "company_city"]
    list_per_page = 25
    show_full_result_count = False
    ordering = ["-issued_on", "-pk"]


def urlconf() -> str:
    """A URL module with the project's URLs and this admin's, for override_settings(ROOT_URLCONF=...)."""
    name = "bench_register_urls"
    if name not in sys.modules:
        module = types.ModuleType(name)
        module.urlpatterns = [path("bench-admin/", site.urls), path("", include("config.urls"))]
        sys.modules[name] = module
    return name
