"""A stuck query or a row lock held elsewhere ends in a "busy, try again" page (503), never a killed worker or a 500."""

import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import OperationalError, connection, connections, transaction
from django.test import RequestFactory

from accounts.models import User
from config.env import env_duration_ms
from core.middleware import DatabaseBusyMiddleware
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parent.parent.parent
on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="statement_timeout and lock_timeout are PostgreSQL settings; CI runs this on PostgreSQL",
)


# --- settings -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("500ms", 500), ("20s", 20_000), ("2min", 120_000), ("1500", 1500), (" 7 s ", 7000), ("0", 0), ("", 10_000)],
)
def test_durations_are_read_in_milliseconds(monkeypatch, raw, expected):
    monkeypatch.setenv("DB_LOCK_TIMEOUT", raw)
    assert env_duration_ms("DB_LOCK_TIMEOUT", 10_000) == expected


@pytest.mark.parametrize("raw", ["soon", "10h", "-5s", "1.5s"])
def test_a_bad_duration_is_refused(monkeypatch, raw):
    monkeypatch.setenv("DB_STATEMENT_TIMEOUT", raw)
    with pytest.raises(ImproperlyConfigured, match="DB_STATEMENT_TIMEOUT must"):
        env_duration_ms("DB_STATEMENT_TIMEOUT", 20_000)


def settings_value(expression: str, env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DB_", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"))}
    code = f"from django.conf import settings; print({expression})"
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "true", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_postgres_connections_get_the_timeouts_from_the_environment():
    env = {"DATABASE_URL": "postgres://u@db.example/wm", "DB_STATEMENT_TIMEOUT": "15s", "DB_LOCK_TIMEOUT": "750ms"}
    result = settings_value("settings.DATABASES['default']['OPTIONS']['options']", env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "-c statement_timeout=15000 -c lock_timeout=750 -c jit=off -c plan_cache_mode=force_generic_plan"
    )


def test_default_timeouts_stay_below_gunicorns_timeout():
    result = settings_value(
        "settings.DATABASES['default']['OPTIONS']['options'], settings.CELERY_BROKER_TRANSPORT_OPTIONS",
        {"DATABASE_URL": "postgres://u@db.example/wm"},
    )
    assert result.returncode == 0, result.stderr
    assert "-c statement_timeout=20000 -c lock_timeout=10000" in result.stdout
    assert "'visibility_timeout': 3600" in result.stdout
    for launcher in ("Dockerfile", "docker-compose.yml"):
        text = (ROOT / launcher).read_text()
        assert '"--timeout", "30"' in text or "--timeout 30" in text, launcher


def test_sqlite_gets_no_postgres_options():
    result = settings_value("settings.DATABASES['default'].get('OPTIONS', {})", {"DATABASE_URL": "sqlite:///:memory:"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "{}"


def test_a_bad_timeout_stops_start_up():
    env = {"DATABASE_URL": "postgres://u@db.example/wm", "DB_LOCK_TIMEOUT": "a while"}
    result = settings_value("settings.DEBUG", env)
    assert result.returncode != 0
    assert "DB_LOCK_TIMEOUT must be a duration" in result.stderr


def test_celery_workers_use_their_own_longer_limits(monkeypatch, settings):
    from django.conf import settings as live

    from config.celery import use_worker_database_timeouts

    monkeypatch.setitem(live.DATABASES, "default", {"OPTIONS": {"options": "-c statement_timeout=20000"}})
    settings.DB_WORKER_STATEMENT_TIMEOUT = 300_000
    settings.DB_WORKER_LOCK_TIMEOUT = 60_000
    use_worker_database_timeouts()
    options = live.DATABASES["default"]["OPTIONS"]["options"]
    assert options == (
        "-c statement_timeout=300000 -c lock_timeout=60000 -c jit=off -c plan_cache_mode=force_generic_plan"
    )


# --- the middleware's mapping ---------------------------------------------------------------------------------------


def django_error_from(cause: Exception) -> OperationalError:
    """What Django raises: its own OperationalError, caused by the driver's error."""
    error = OperationalError(str(cause))
    error.__cause__ = cause
    return error


def driver_error(sqlstate: str) -> psycopg.OperationalError:
    return psycopg.errors.lookup(sqlstate)("canceled")


@pytest.mark.parametrize("sqlstate", ["57014", "55P03"])
def test_a_timed_out_statement_or_lock_wait_is_a_503_busy_page(sqlstate, caplog):
    request = RequestFactory().get("/placements/7/")
    middleware = DatabaseBusyMiddleware(lambda request: None)
    with caplog.at_level(logging.WARNING, logger="core.middleware"):
        response = middleware.process_exception(request, django_error_from(driver_error(sqlstate)))
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "The system is busy, try again in a moment" in response.content.decode()
    assert f"SQLSTATE {sqlstate}" in caplog.text
    assert "/placements/7/" in caplog.text


@pytest.mark.parametrize(
    "exception",
    [
        django_error_from(psycopg.OperationalError("connection refused")),
        django_error_from(driver_error("57P01")),  # admin_shutdown: not a busy database, a broken one
        OperationalError("database is locked"),
        ValueError("57014"),
    ],
)
def test_other_errors_are_left_to_propagate(exception):
    middleware = DatabaseBusyMiddleware(lambda request: None)
    assert middleware.process_exception(RequestFactory().get("/"), exception) is None


def test_the_busy_page_is_in_dutch_for_a_dutch_reader():
    from django.utils import translation

    from core.middleware import busy_response

    with translation.override("nl"):
        page = busy_response().content.decode()
    assert 'lang="nl"' in page
    assert "The system is busy" not in page


# --- for real, on PostgreSQL ----------------------------------------------------------------------------------------


@pytest.fixture
def short_timeouts(transactional_db):
    """Timeouts of a few hundred milliseconds; the connection OPTIONS are read at connect time, so reconnect."""
    options = connection.settings_dict.setdefault("OPTIONS", {})
    before = options.get("options")
    options["options"] = "-c statement_timeout=1500 -c lock_timeout=500"
    connection.close()
    yield
    if before is None:
        options.pop("options", None)
    else:
        options["options"] = before
    connection.close()


@on_postgres
@pytest.mark.urls("tests.core.busy_urls")
def test_a_row_lock_held_elsewhere_ends_in_a_busy_page_within_the_lock_timeout(short_timeouts, client, caplog):
    user = UserFactory()
    locked, release = threading.Event(), threading.Event()

    def hold_the_lock():
        try:
            with transaction.atomic():
                User.objects.select_for_update().get(pk=user.pk)
                locked.set()
                release.wait(15)
        finally:
            connections["default"].close()

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    try:
        assert locked.wait(10)
        started = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="core.middleware"):
            response = client.get(f"/busy/lock/{user.pk}/")
        elapsed = time.monotonic() - started
    finally:
        release.set()
        holder.join(15)
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "The system is busy, try again in a moment" in response.content.decode()
    assert elapsed < 5  # the lock timeout (500 ms), not the holder (15 s) nor gunicorn (30 s)
    assert "lock timeout, SQLSTATE 55P03" in caplog.text
    # Once the lock is free, the same request works, on the same connection.
    assert client.get(f"/busy/lock/{user.pk}/").content.decode() == f"locked {user.pk}"


@on_postgres
@pytest.mark.urls("tests.core.busy_urls")
def test_a_statement_that_runs_too_long_ends_in_a_busy_page(short_timeouts, client):
    started = time.monotonic()
    response = client.get("/busy/slow/")
    assert response.status_code == 503
    assert "The system is busy, try again in a moment" in response.content.decode()
    assert time.monotonic() - started < 4  # statement_timeout 1.5 s; the statement itself sleeps 5 s
