"""A school's public register: only when published, only names, companies, cities and status."""

import pytest
from django.urls import reverse

from tests.registry.factories_register import expired, make_certificate, publish_register, revoked


@pytest.fixture
def published(world):
    publish_register(world.school)
    make_certificate(
        school=world.school,
        company=world.company,
        holder_name="Anna de Vries",
        holder_email="anna.private@example.org",
        number="WM-2024-000123",
    )
    make_certificate(school=world.school, holder_name="Bram Jansen", company_city="Leiden")
    expired(school=world.school, holder_name="Carla Expired")
    revoked(school=world.school, holder_name="Dirk Revoked")
    make_certificate(school=world.other_school, holder_name="Other School Person")
    return world.school


def names(response):
    assert response.status_code == 200
    return {row.holder for row in response.context["rows"]}


def test_an_unpublished_register_is_not_found(client, world):
    make_certificate(school=world.school, holder_name="Anna de Vries")
    assert client.get(reverse("public_register", args=[world.school.pk])).status_code == 404
    publish_register(world.school, published=False)
    assert client.get(reverse("public_register", args=[world.school.pk])).status_code == 404
    assert client.get(reverse("public_register", args=["rijnland-vakcollege"])).status_code == 404


def test_an_unknown_school_is_not_found(client, db):
    assert client.get(reverse("public_register", args=[999999])).status_code == 404
    assert client.get(reverse("public_register", args=["no-such-school"])).status_code == 404


def test_the_public_register_shows_valid_certificates_of_that_school_only(client, published):
    assert names(client.get(reverse("public_register", args=[published.pk]))) == {"Anna de Vries", "Bram Jansen"}


def test_the_public_register_shows_no_email_addresses_or_numbers(client, published):
    html = client.get(reverse("public_register", args=[published.pk])).text
    assert "Anna de Vries" in html
    assert "Bakkerij De Korenschoof" in html
    assert "@" not in html
    assert "WM-2024-000123" not in html


def test_expired_certificates_show_when_asked_but_revoked_ones_never(client, published):
    url = reverse("public_register", args=[published.pk])
    assert names(client.get(url, {"status": "expired"})) == {"Carla Expired"}
    assert names(client.get(url, {"status": "revoked"})) == {"Anna de Vries", "Bram Jansen"}


def test_the_public_register_filters_by_name_and_city(client, published):
    url = reverse("public_register", args=[published.pk])
    assert names(client.get(url, {"name": "vries"})) == {"Anna de Vries"}
    assert names(client.get(url, {"city": "leid"})) == {"Bram Jansen"}


def test_the_public_register_is_also_found_by_the_schools_slug(client, published):
    published.short_name = "RVC"
    published.save()
    for key in ("rijnland-vakcollege", "rvc"):
        assert names(client.get(reverse("public_register", args=[key]))) == {"Anna de Vries", "Bram Jansen"}


def test_the_public_register_is_paginated(client, world):
    publish_register(world.school)
    for n in range(30):
        make_certificate(school=world.school, holder_name=f"Holder {n:02d}")
    url = reverse("public_register", args=[world.school.pk])
    first = client.get(url)
    assert len(first.context["rows"]) == 25 and first.context["page"].has_next
    assert len(client.get(url, {"page": 2}).context["rows"]) == 5
