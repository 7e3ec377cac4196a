"""The site's URLs plus one bare view: the framework's floor (middleware, routing, a tiny response) in the same
gunicorn as the pages it is compared with. Loaded only by bench/request_cost.py (request_cost_settings)."""

from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path("bench/bare/", bare),
    path("", include("config.urls")),
]
