"""The site has an icon: pages link to it, and /favicon.ico (which browsers ask for anyway) answers."""

import re

import pytest
from django.contrib.staticfiles import finders

ICO_HEADER = b"\x00\x00\x01\x00"


def test_favicon_ico_is_served_at_the_site_root_without_signing_in(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert "max-age=86400" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(ICO_HEADER)


def test_favicon_ico_answers_head_and_refuses_post(client, db):
    assert client.head("/favicon.ico").status_code == 200
    assert client.post("/favicon.ico").status_code == 405


@pytest.mark.parametrize("url", ["/accounts/login/", "/verify/"])
def test_pages_link_to_icons_that_exist(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    icons = re.findall(r'<link rel="(?:icon|apple-touch-icon)" href="/static/([^"]+)"', response.text)
    assert {icon.rsplit(".", 1)[1] for icon in icons} == {"ico", "svg", "png"}
    for icon in icons:
        assert finders.find(icon) is not None, icon
