"""Public endpoints are rate limited per client: the request over the limit gets a 429 page with Retry-After."""

import uuid
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from core.ratelimit import client_ip


def fresh_ip():
    n = uuid.uuid4().int
    return f"10.{n % 250}.{(n >> 8) % 250}.{(n >> 16) % 250 + 1}"


def assert_limited(response):
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert b"Too many requests" in response.content
    assert b"too many requests in a short time" in response.content


@pytest.mark.django_db
def test_verify_lookup_limited_per_client_and_released_after_the_window(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "verify": (3, 60)}
    ip, other_ip = fresh_ip(), fresh_ip()
    url = reverse("certificate_verify", kwargs={"code": "no-such-code"})
    start = timezone.now().replace(second=1, microsecond=0) + timedelta(minutes=1)
    with time_machine.travel(start, tick=False):
        for _ in range(3):
            assert client.get(url, REMOTE_ADDR=ip).status_code == 404
        limited = client.get(url, REMOTE_ADDR=ip)
        assert_limited(limited)
        assert int(limited["Retry-After"]) == 59
        assert client.get(url, REMOTE_ADDR=other_ip).status_code == 404
    with time_machine.travel(start + timedelta(seconds=60), tick=False):
        assert client.get(url, REMOTE_ADDR=ip).status_code == 404


@pytest.mark.django_db
def test_verify_lookup_form_post_limited_but_get_not(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "verify": (2, 60)}
    ip = fresh_ip()
    url = reverse("certificate_lookup")
    data = {"number": "WM-0000-0000", "last_name": "Nobody"}
    for _ in range(2):
        assert client.post(url, data, REMOTE_ADDR=ip).status_code == 404
    assert_limited(client.post(url, data, REMOTE_ADDR=ip))
    assert client.get(url, REMOTE_ADDR=ip).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["assessment_sign_link", "meeting_respond_signed", "minutes_confirm_signed"])
def test_signed_link_pages_limited(client, settings, name):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "signed_link": (2, 60)}
    ip = fresh_ip()
    url = reverse(name, kwargs={"token": "not-a-token"})
    for _ in range(2):
        assert client.get(url, REMOTE_ADDR=ip).status_code != 429
    assert_limited(client.get(url, REMOTE_ADDR=ip))
    assert client.get(url, REMOTE_ADDR=fresh_ip()).status_code != 429


@pytest.mark.django_db
def test_password_reset_post_limited_in_dutch_too(client, settings, world):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "password_reset": (2, 15 * 60)}
    ip = fresh_ip()
    url = reverse("password_reset")
    for _ in range(2):
        response = client.post(url, {"email": world.learner.email}, REMOTE_ADDR=ip)
        assert response.status_code == 302
    assert_limited(client.post(url, {"email": world.learner.email}, REMOTE_ADDR=ip))
    assert client.get(url, REMOTE_ADDR=ip).status_code == 200
    dutch = client.post(url, {"email": world.learner.email}, REMOTE_ADDR=ip, HTTP_ACCEPT_LANGUAGE="nl")
    assert dutch.status_code == 429
    assert "Te veel verzoeken" in dutch.content.decode()
    assert client.post(url, {"email": world.learner.email}, REMOTE_ADDR=fresh_ip()).status_code == 302


def test_client_ip_trusts_forwarded_for_only_behind_a_configured_proxy(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    settings.RATE_LIMIT_TRUSTED_PROXIES = 0
    assert client_ip(request) == "10.0.0.1"
    settings.RATE_LIMIT_TRUSTED_PROXIES = 1
    assert client_ip(request) == "203.0.113.7"  # what our proxy saw, not what the client claimed
