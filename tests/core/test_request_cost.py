"""What every request costs: sessions from the cache (core/sessions.py), and the queries of a plain page and of the
dashboard for each role (they must not grow; bench/request_cost.py measures the time)."""

import os

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

PASSWORD = "correct horse battery"  # noqa: S105 - tests/factories.py
ROLES = ["learner", "mentor", "supervisor", "coordinator", "company_admin", "staff", "nobody"]


def session_queries(settings) -> int:
    """A session read from the database is one query; from the cache (with Redis), none."""
    return 0 if settings.SESSION_ENGINE == "core.sessions" else 1


def log_in(client, user):
    response = client.post(reverse("login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.status_code


def test_a_session_in_the_cache_survives_and_costs_no_query(client, world, settings):
    settings.SESSION_ENGINE = "core.sessions"
    log_in(client, world.mentor)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("my_account"))
    assert response.status_code == 200
    assert world.mentor.email in response.text
    assert not [q for q in captured.captured_queries if "django_session" in q["sql"]]
    # Gone from the cache (evicted, Redis restarted): read from the database and put back.
    caches["default"].clear()
    assert client.get(reverse("my_account")).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("my_account")).status_code == 200
    assert not [q for q in captured.captured_queries if "django_session" in q["sql"]]
    client.post(reverse("logout"))
    assert client.get(reverse("my_account")).status_code == 302


def test_a_cache_that_cannot_be_reached_leaves_the_session_to_the_database(client, world, settings, monkeypatch):
    settings.SESSION_ENGINE = "core.sessions"
    log_in(client, world.mentor)
    cache = caches["default"]

    def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(cache, "get", unreachable)
    monkeypatch.setattr(cache, "set", unreachable)
    assert client.get(reverse("my_account")).status_code == 200


def test_people_log_in_while_the_cache_cannot_be_reached(client, world, settings, monkeypatch):
    """A new session is checked against the cache for a free key, and log-in drops the anonymous session from it:
    with Redis down both go to the database alone, so nobody meets a 500 at the log-in page."""
    settings.SESSION_ENGINE = "core.sessions"
    cache = caches["default"]

    def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    for name in ("get", "set", "has_key", "delete"):
        monkeypatch.setattr(cache, name, unreachable)
    client.get(reverse("login"))
    session = client.session
    session["language_seen"] = True
    session.save()
    log_in(client, world.mentor)
    assert client.get(reverse("my_account")).status_code == 200


def test_the_session_engine_follows_redis(settings):
    if settings.REDIS_URL:
        assert settings.SESSION_ENGINE == "core.sessions"
        assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    else:
        # One process without Redis: a memory cache per process would keep a logged-out session alive elsewhere.
        assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_two_web_nodes_share_a_session_through_redis(client, world, settings):
    if not settings.REDIS_URL:
        if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
            pytest.fail("CI must run this with REDIS_URL set")
        pytest.skip("needs REDIS_URL")
    from django.contrib.sessions.backends.base import SessionBase
    from django.test import Client

    from core.sessions import SessionStore

    log_in(client, world.mentor)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    # Node B: its own connection to Redis, as another machine has; the session is there without the database.
    node_b = SessionStore(cookie)
    node_b._cache = caches.create_connection("default")
    with CaptureQueriesContext(connection) as captured:
        assert node_b.load()["_auth_user_id"] == str(world.mentor.pk)
    assert not captured.captured_queries
    other = Client()
    other.cookies[settings.SESSION_COOKIE_NAME] = cookie
    response = other.get(reverse("my_account"))
    assert response.status_code == 200 and world.mentor.email in response.text
    # Logging out on node B ends the session on node A too.
    other.post(reverse("logout"))
    assert client.get(reverse("my_account")).status_code == 302
    assert isinstance(node_b, SessionBase)


# Queries of My account (the plain page) and of the dashboard, besides the session's: the user with their roles (one
# query, for the middleware and the menu), then the page's own. The menu is built from the roles, without queries.
PLAIN_PAGE_QUERIES = 4  # user with roles; the roles listed, whether an authenticator is set up, the calendar feed
# Learners, mentors and the school's staff also see missed planned coaching sessions (one query); everyone with a
# role the placement agreements waiting for their signature (one query).
DASHBOARD_QUERIES = {
    "learner": 13,
    "mentor": 18,
    "supervisor": 18,
    "coordinator": 22,
    "company_admin": 17,
    "staff": 12,
    "nobody": 8,
}


@pytest.mark.parametrize("who", ROLES)
def test_a_plain_page_and_the_dashboard_keep_their_queries(client, world, settings, who, django_assert_max_num_queries):
    client.force_login(getattr(world, who))
    client.get(reverse("dashboard"))  # the first request of a session may set its CSRF cookie
    with django_assert_max_num_queries(PLAIN_PAGE_QUERIES + session_queries(settings)):
        assert client.get(reverse("my_account")).status_code == 200
    with django_assert_max_num_queries(DASHBOARD_QUERIES[who] + session_queries(settings)):
        assert client.get(reverse("dashboard")).status_code == 200
