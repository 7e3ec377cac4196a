"""Per-client rate limits for public endpoints (certificate verification, signed links, password reset).

A fixed window counted in Django's cache (Redis when REDIS_URL is set, else memory per process):
`rate_limited("verify")` allows `settings.RATE_LIMITS["verify"] = (limit, seconds)` requests per client
address per window; the next one gets the 429 page with a Retry-After header. The client address is
REMOTE_ADDR, unless `RATE_LIMIT_TRUSTED_PROXIES` says how many proxies of ours append to X-Forwarded-For
(then the address that the outermost of them saw). A cache outage never blocks a request: it lets it through.
"""

import functools
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

logger = logging.getLogger(__name__)

KEY_PREFIX = "ratelimit"


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or the one our trusted proxies recorded in X-Forwarded-For."""
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    proxies = getattr(settings, "RATE_LIMIT_TRUSTED_PROXIES", 0)
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    # Each trusted proxy appends the address it saw; what a client wrote itself comes before those.
    if len(forwarded) >= proxies:
        return forwarded[-proxies]
    return forwarded[0] if forwarded else remote


def hit(scope: str, client: str, *, limit: int, window: int, now: float | None = None) -> int | None:
    """Count one request; None while within the limit, else the seconds until the window ends."""
    now = time.time() if now is None else now
    window_number = int(now // window)
    key = f"{KEY_PREFIX}:{scope}:{client}:{window_number}"
    try:
        cache.add(key, 0, timeout=window + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window + 1)
            count = 1
    except Exception:  # noqa: BLE001 - a cache outage must not take the page down
        logger.warning("Rate limit cache unavailable; letting the request through", exc_info=True)
        return None
    if count <= limit:
        return None
    return max(1, math.ceil((window_number + 1) * window - now))


def too_many_requests(request, retry_after: int):
    response = render(request, "429.html", {"retry_after": retry_after}, status=429)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def rate_limited(scope: str, *, methods: tuple[str, ...] | None = None):
    """Decorate a view: at most RATE_LIMITS[scope] = (limit, seconds) requests per client per window.

    `methods` limits only those HTTP methods (e.g. ("POST",) for a form whose GET is harmless).
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if methods is None or request.method in methods:
                limit, window = settings.RATE_LIMITS[scope]
                retry_after = hit(scope, client_ip(request), limit=limit, window=window)
                if retry_after is not None:
                    logger.info("Rate limit %s reached by %s", scope, client_ip(request))
                    return too_many_requests(request, retry_after)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
