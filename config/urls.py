from django.contrib import admin
from django.urls import include, path

from .favicon import favicon
from .health import healthz

urlpatterns = [
    path("", include("home.urls")),
    path("accounts/sso/", include("accounts.sso.urls")),
    path("accounts/", include("accounts.urls")),
    path("placements/", include("placements.urls")),
    path("", include("mentoring.urls")),
    path("", include("registry.urls")),
    path("", include("meetings.urls")),
    path("", include("notifications.urls")),
    path("", include("assessments.urls")),
    path("feedback/", include("feedback.urls")),
    path("oversight/", include("oversight.urls")),
    path("", include("api.urls")),
    path("", include("privacy.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("outbox/", include("core.outbox.urls")),
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path("admin/", admin.site.urls),
]

# Uploaded files have no public address, not even in development: every one is private and is served by its
# app's view after the access check (core/private_files.py).
