"""Every API error is an RFC 9457 problem document: application/problem+json with type, title, status, detail."""

import base64

import pytest
from django.core.cache import cache

from .conftest import bearer

FIELDS = {"type", "title", "status", "detail"}


def problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body.keys() >= FIELDS and body["status"] == status and body["type"].startswith("https://")
    return body


def test_no_credentials_is_401_with_a_challenge(client, db):
    response = client.get("/api/v1/placements/")
    problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_an_unknown_token_is_401(db):
    problem(bearer("wm_12345678_not-the-secret").get("/api/v1/placements/"), 401)
    problem(bearer("something else").get("/api/v1/placements/"), 401)


def test_a_read_only_token_writing_is_403(read_client):
    body = problem(read_client.post("/api/v1/companies/", {}, content_type="application/json"), 403)
    assert "only read" in body["detail"]


def test_an_unknown_url_under_the_api_is_a_404_problem(read_client):
    problem(read_client.get("/api/v1/no-such-thing/"), 404)


def test_a_method_the_endpoint_lacks_is_405(write_client):
    problem(write_client.delete("/api/v1/register/"), 405)


def test_validation_errors_list_each_field(world, write_client):
    url = f"/api/v1/schools/{world.school.pk}/learners/S1/"
    body = problem(write_client.put(url, {"first_name": "", "email": "no"}, content_type="application/json"), 400)
    fields = {error["field"] for error in body["errors"]}
    assert {"first_name", "last_name", "email"} <= fields
    body = problem(write_client.get("/api/v1/register/?status=nonsense&page_size=0"), 400)
    assert {error["field"] for error in body["errors"]} == {"page_size"}
    body = problem(write_client.get("/api/v1/register/?status=nonsense"), 400)
    assert [error["field"] for error in body["errors"]] == ["status"]


def test_broken_json_is_a_400_problem(world, write_client):
    url = f"/api/v1/schools/{world.school.pk}/learners/S1/"
    problem(write_client.put(url, "{not json", content_type="application/json"), 400)
    problem(write_client.get("/api/v1/register/?cursor=%%%"), 400)
    for raw in (b"2020-01-01|99999999999999999999", b"9999-99-99|1", b"2020-01-01|-1", b"2020-01-01|\xc2\xb2"):
        cursor = base64.urlsafe_b64encode(raw).decode()
        problem(write_client.get("/api/v1/register/", {"cursor": cursor}), 400)


def test_a_form_body_is_415(world, write_client):
    problem(write_client.post("/api/v1/companies/", {"kvk_number": "1"}), 415)


def test_the_verification_limit_is_a_429_problem_with_retry_after(client, db, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "verify": (2, 60)}
    cache.clear()
    for _ in range(2):
        problem(client.get("/api/v1/certificates/verify/unknown/"), 404)
    response = client.get("/api/v1/certificates/verify/unknown/")
    problem(response, 429)
    assert int(response["Retry-After"]) >= 1
    cache.clear()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_problems_speak_the_callers_language(read_client, language):
    body = problem(
        read_client.post("/api/v1/companies/", {}, content_type="application/json", HTTP_ACCEPT_LANGUAGE=language), 403
    )
    assert ("alleen lezen" in body["detail"]) == (language == "nl")


def test_numbers_and_dates_out_of_range_are_validation_errors(world, write_client):
    body = {"first_name": "A", "last_name": "B", "email": "ab@example.org"}
    long = f"/api/v1/schools/{world.school.pk}/learners/{'1' * 41}/"
    assert problem(write_client.put(long, body, content_type="application/json"), 400)["errors"][0]["field"] == (
        "student_number"
    )
    future = {**body, "date_of_birth": "2999-01-01"}
    url = f"/api/v1/schools/{world.school.pk}/learners/S1/"
    assert problem(write_client.put(url, future, content_type="application/json"), 400)["errors"][0]["field"] == (
        "date_of_birth"
    )
    company = {"name": "X", "city": "Y", "sector": "Z"}
    response = write_client.put(f"/api/v1/companies/{'9' * 41}/", company, content_type="application/json")
    assert problem(response, 400)["errors"][0]["field"] == "kvk_number"


def test_a_nul_character_in_a_path_is_not_found(world, write_client):
    """PostgreSQL's text cannot hold a NUL: such a number is no URL of the API (not a database error)."""
    body = {"first_name": "A", "last_name": "B", "email": "ab@example.org", "name": "X"}
    for url in (f"/api/v1/schools/{world.school.pk}/learners/1%00/", "/api/v1/companies/1%00/"):
        problem(write_client.get(url), 404)
        problem(write_client.put(url, body, content_type="application/json"), 404)
