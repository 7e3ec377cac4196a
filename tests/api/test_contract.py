"""Contract tests: the app's answers, as a school's integration and a browser get them, match the OpenAPI document."""

import pytest

from tests.registry.factories_register import make_certificate, revoked

from .conftest import bearer
from .contract import check

LEARNER = {"first_name": "Sanne", "last_name": "Bakker", "email": "sanne@example.org", "cohort": "2026-2027"}


@pytest.fixture
def certificates(world):
    return [
        make_certificate(school=world.school, company=world.company, holder_name=f"Holder {n}") for n in range(3)
    ] + [revoked(school=world.school, holder_name="Revoked Holder")]


def test_reads_match_the_document(world, tokens, certificates, read_client):
    school = world.school.pk
    for url in (
        "/api/v1/register/?page_size=2",
        "/api/v1/register/?status=revoked",
        "/api/v1/placements/",
        f"/api/v1/placements/{world.placement.pk}/",
        "/api/v1/schools/",
        f"/api/v1/schools/{school}/people/",
        f"/api/v1/schools/{school}/learners/",
        "/api/v1/companies/",
    ):
        assert check(read_client.get(url)).status_code == 200, url
    first = check(read_client.get("/api/v1/register/?page_size=2")).json()
    assert check(read_client.get(first["next"])).status_code == 200


def test_writes_match_the_document(world, write_client):
    school = world.school.pk
    url = f"/api/v1/schools/{school}/learners/S100/"
    assert check(write_client.put(url, LEARNER, content_type="application/json")).status_code == 201
    assert check(write_client.put(url, LEARNER, content_type="application/json")).status_code == 200
    assert check(write_client.get(url)).status_code == 200
    body = {**LEARNER, "student_number": "S101", "email": "s101@example.org"}
    assert check(write_client.post(f"/api/v1/schools/{school}/learners/", body, content_type="application/json"))
    company = {"kvk_number": "12345678", "name": "Timmerbedrijf Smit", "city": "Gouda", "sector": "Bouw"}
    assert check(write_client.post("/api/v1/companies/", company, content_type="application/json")).status_code == 201
    assert check(write_client.put("/api/v1/companies/12345678/", {}, content_type="application/json"))
    assert check(write_client.get("/api/v1/companies/12345678/")).status_code == 200


def test_public_verification_matches_the_document(world, client):
    certificate = make_certificate(school=world.school, holder_name="Anna Register")
    response = check(client.get(f"/api/v1/certificates/verify/{certificate.public_id}/"))
    assert response.json()["state"] == "valid" and response.json()["holder_name"] == "Anna Register"
    assert check(client.get("/api/v1/certificates/verify/not-a-code/")).status_code == 404


def test_problems_match_the_document(world, tokens, read_client, client):
    assert check(client.get("/api/v1/placements/")).status_code == 401
    assert check(bearer("wm_nothing_here").get("/api/v1/placements/")).status_code == 401
    assert check(read_client.put("/api/v1/companies/1/", {}, content_type="application/json")).status_code == 403
    assert check(read_client.get("/api/v1/placements/999999/")).status_code == 404
    assert check(read_client.get("/api/v1/register/?status=nonsense")).status_code == 400
