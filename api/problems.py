"""Every API error as an RFC 9457 problem: application/problem+json with type, title, status and detail.

Validation errors list each failing field under `errors` ({"field": ..., "detail": ...}); a 429 carries
Retry-After. Django's own 404 (a URL the API does not have) answers the same way (api/urls.py's catch-all).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

CONTENT_TYPE = "application/problem+json"
TYPE_BASE = "https://werkmentor.nl/problems/"
TITLES = {
    400: "Invalid request",
    401: "Not authenticated",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    409: "Conflict",
    415: "Unsupported media type",
    429: "Too many requests",
    500: "Server error",
}
SLUGS = {
    400: "invalid-request",
    401: "not-authenticated",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    409: "conflict",
    415: "unsupported-media-type",
    429: "too-many-requests",
    500: "server-error",
}


def problem(status_code: int, detail: str, *, errors: list | None = None, instance: str = "") -> dict:
    body = {
        "type": TYPE_BASE + SLUGS.get(status_code, "error"),
        "title": TITLES.get(status_code, "Error"),
        "status": status_code,
        "detail": str(detail),
    }
    if instance:
        body["instance"] = instance
    if errors is not None:
        body["errors"] = errors
    return body


def flatten(detail, field: str = "") -> list[dict]:
    """DRF's nested error detail as a flat list of {"field", "detail"} (field "" for the request as a whole)."""
    if isinstance(detail, dict):
        return [item for key, value in detail.items() for item in flatten(value, _join(field, key))]
    if isinstance(detail, list):
        return [item for value in detail for item in flatten(value, field)]
    return [{"field": field, "detail": str(detail)}]


def _join(field: str, key) -> str:
    key = "" if key == "non_field_errors" else str(key)
    return f"{field}.{key}" if field and key else field or key


def exception_handler(exc, context):
    """DRF's EXCEPTION_HANDLER: a problem for every API exception (unexpected ones stay 500s for the logs)."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Not found (or not visible to you)."))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    if not isinstance(exc, exceptions.APIException):
        return None
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    request = context.get("request")
    instance = request.path if request is not None else ""
    if isinstance(exc, exceptions.ValidationError):
        body = problem(400, _("The request has invalid values."), errors=flatten(exc.detail), instance=instance)
    else:
        detail = exc.detail if isinstance(exc.detail, str) else _("The request could not be handled.")
        body = problem(exc.status_code, detail, instance=instance)
    set_rollback()
    return Response(body, status=body["status"], headers=headers, content_type=CONTENT_TYPE)


def problem_response(status_code: int, detail: str, *, instance: str = "") -> JsonResponse:
    """A problem outside DRF's views (the catch-all 404)."""
    return JsonResponse(problem(status_code, detail, instance=instance), status=status_code, content_type=CONTENT_TYPE)


NOT_FOUND = status.HTTP_404_NOT_FOUND
