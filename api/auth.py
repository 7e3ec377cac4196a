"""Who calls the API: a school's token (`Authorization: Bearer wm_…`) or the signed-in browser session.

A token speaks for its school as a coordinator of that school and nothing else (accounts.selectors.act_only_as):
the same selectors as the pages then decide what it sees, so a token never reaches another school's data. What it
writes is recorded in the audit history under the coordinator who made it.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions

from accounts.models import Role
from accounts.selectors import act_only_as

from .models import ApiToken, prefix_of

KEYWORDS = ("bearer", "token")


class TokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower().decode(errors="replace") not in KEYWORDS:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("The Authorization header holds no token."))
        token = header[1].decode(errors="replace")
        prefix = prefix_of(token)
        found = (
            ApiToken.objects.select_related("created_by").filter(prefix=prefix).first() if prefix is not None else None
        )
        # One answer whether the token is unknown, wrong or revoked: nothing to learn from trying.
        if found is None or not found.matches(token) or found.is_revoked or not found.created_by.is_active:
            raise exceptions.AuthenticationFailed(_("The token is not valid (unknown, revoked or mistyped)."))
        found.mark_used()
        user = found.created_by
        user.is_staff = user.is_superuser = False  # in memory only: the token is its school's, not staff
        act_only_as(user, Role.COORDINATOR, found.school_id)
        return user, found

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class SessionAuthentication(authentication.SessionAuthentication):
    """The signed-in browser (CSRF checked on writes). Answers 401, not 403, to a caller without a session."""

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class WriteScope(permissions.BasePermission):
    """A read-only token reads; writing needs a read-and-write token (a session's writes are the pages' rules)."""

    message = _("This token may only read. Ask a coordinator for a token with read and write access.")

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS or not isinstance(request.auth, ApiToken):
            return True
        return request.auth.can_write


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.auth.TokenAuthentication"
    name = "schoolToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A school's API token (wm_…), made by a coordinator on the school's API tokens page.",
        }


class SessionScheme(OpenApiAuthenticationExtension):
    target_class = "api.auth.SessionAuthentication"
    name = "session"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}
