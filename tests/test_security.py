"""Security basics every page shares: a strict CSP without inline code, and safe cookies in production."""

import re

import pytest
from django.urls import reverse


def test_pages_send_a_strict_content_security_policy(client, db):
    response = client.get(reverse("login"))
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.parametrize("who", ["coordinator", "learner", "mentor"])
def test_pages_carry_no_inline_scripts_or_styles(client, world, who):
    client.force_login(getattr(world, who))
    for url in (
        reverse("dashboard"),
        reverse("placement_list"),
        reverse("placement_detail", args=[world.placement.pk]),
    ):
        html = client.get(url).text
        assert " style=" not in html
        assert "<style" not in html
        for tag in re.findall(r"<script[^>]*>", html):
            assert "src=" in tag, tag


def test_pages_load_assets_from_our_own_static_files(client, db):
    html = client.get(reverse("login")).text
    assert "/static/vendor/bootstrap/bootstrap.min.css" in html
    assert "cdn" not in html.lower()
