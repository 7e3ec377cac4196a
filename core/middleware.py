"""A database that is too busy answers with a "busy, try again" page (503), not with a killed worker or a 500.

PostgreSQL ends a query that runs longer than DB_STATEMENT_TIMEOUT (SQLSTATE 57014, query_canceled) or waits
longer than DB_LOCK_TIMEOUT for a row lock (55P03, lock_not_available); config/settings.py sets both below
gunicorn's timeout. Every other database error still propagates (and is a 500, logged as such).
"""

import logging

from django.db import OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

QUERY_CANCELED = "57014"
LOCK_NOT_AVAILABLE = "55P03"
BUSY_SQLSTATES = frozenset({QUERY_CANCELED, LOCK_NOT_AVAILABLE})
RETRY_AFTER_SECONDS = 10


def busy_sqlstate(exception: BaseException) -> str | None:
    """The SQLSTATE when `exception` is a timed-out statement or lock wait, else None."""
    if not isinstance(exception, OperationalError):
        return None
    for error in (exception, exception.__cause__):
        code = getattr(error, "sqlstate", None) or getattr(error, "pgcode", None)
        if code in BUSY_SQLSTATES:
            return code
    return None


def busy_response() -> HttpResponse:
    # A page without the site's menu: rendering it needs no database, which is what is busy.
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseBusyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        code = busy_sqlstate(exception)
        if code is None:
            return None
        reason = "statement timeout" if code == QUERY_CANCELED else "lock timeout"
        logger.warning("Database busy (%s, SQLSTATE %s): %s %s -> 503", reason, code, request.method, request.path)
        return busy_response()
