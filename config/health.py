"""/healthz: whether the database and the broker answer, for operators and load balancers."""

from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable" to an operator
        return f"error: {exc.__class__.__name__}"
    return "ok"


def _broker_status() -> str:
    if not settings.REDIS_URL:
        return "in-process"
    import redis

    try:
        client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
        client.ping()
    except Exception as exc:  # noqa: BLE001
        return f"error: {exc.__class__.__name__}"
    return "ok"


def _outbox_counts() -> dict | str:
    """What waits to go out and what failed for good (staff send it again at /outbox/)."""
    from core.outbox.models import OutboxEntry

    try:
        counts = dict(OutboxEntry.objects.values_list("status").annotate(n=Count("pk")).order_by())
    except Exception as exc:  # noqa: BLE001 - the database check reports the cause
        return f"error: {exc.__class__.__name__}"
    Status = OutboxEntry.Status
    return {
        "waiting": counts.get(Status.PENDING, 0) + counts.get(Status.SENDING, 0),
        "failed": counts.get(Status.FAILED, 0),
    }


@never_cache
@require_GET
def healthz(request):
    checks = {"database": _database_status(), "broker": _broker_status()}
    healthy = all(value in {"ok", "in-process"} for value in checks.values())
    # Failed messages do not make the site unhealthy; they are counted so that monitoring can alert on them.
    body = {"status": "ok" if healthy else "error", **checks, "outbox": _outbox_counts() if healthy else "unknown"}
    return JsonResponse(body, status=200 if healthy else 503)
