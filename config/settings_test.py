"""Settings for the test suite: production settings with what tests cannot have (HTTPS, slow hashing)."""

import os
from urllib.parse import urlsplit

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-that-is-long-enough-for-django-checks-0123456789")


def redis_url_for_xdist_worker(url: str, worker: str) -> str:
    """REDIS_URL for pytest-xdist worker "gwN": database number + N, so workers share no queue and no cache."""
    if not url or not worker.startswith("gw"):
        return url
    parts = urlsplit(url)
    if parts.scheme not in {"redis", "rediss"}:
        return url
    database = int(parts.path.strip("/") or 0) + int(worker.removeprefix("gw"))
    return parts._replace(path=f"/{database}").geturl()


# The suite runs in parallel (scripts/test: pytest -n auto). A Celery test worker purges its queue and takes every
# task on it; on a shared Redis database it would take, or purge, another pytest worker's tasks.
_xdist_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if os.environ.get("REDIS_URL") and _xdist_worker:
    os.environ["REDIS_URL"] = redis_url_for_xdist_worker(os.environ["REDIS_URL"], _xdist_worker)

from .settings import *  # noqa: E402, F403

ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests that log staff in need no authenticator; tests/accounts/test_two_factor.py switches the requirement on.
TWO_FACTOR_REQUIRED_FOR_STAFF = False
# The suite posts and follows links from one address far more often than a person would; the rate limit
# tests (tests/core/test_ratelimit.py) set their own low limits.
RATE_LIMITS = {scope: (100_000, window) for scope, (_limit, window) in RATE_LIMITS.items()}  # noqa: F405
