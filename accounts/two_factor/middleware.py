"""Sends a session that still owes a second factor (or its set-up) to the page that settles it."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse

from . import state

# Pages a session may open while it owes a code: logging out, the language switch, health checks.
ALWAYS_OPEN = {"logout", "set_language", "healthz", "favicon"}
OPEN_WHILE = {
    state.VERIFY: ALWAYS_OPEN | {"two_factor_verify"},
    state.SETUP: ALWAYS_OPEN | {"two_factor", "two_factor_setup", "two_factor_codes"},
}
TARGET = {state.VERIFY: "two_factor_verify", state.SETUP: "two_factor_setup"}


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        owed = state.pending(request) if hasattr(request, "session") else None
        if owed in TARGET and not self._may_pass(request, owed):
            if request.headers.get("HX-Request"):
                # A fragment the page loads by itself (the notification badge): nothing, rather than the whole
                # code page swapped into the menu bar.
                return HttpResponse(status=204)
            target = reverse(TARGET[owed])
            if request.method == "GET":
                target += "?" + urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(target)
        return self.get_response(request)

    @staticmethod
    def _may_pass(request, owed: str) -> bool:
        if not request.user.is_authenticated:
            return True
        if state.signed_in_with_sso(request):
            state.set_pending(request, None)
            return True
        path = request.path_info
        if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return True
        try:
            name = resolve(path).url_name
        except Resolver404:
            return True  # a 404 page shows nothing
        return name in OPEN_WHILE[owed]
