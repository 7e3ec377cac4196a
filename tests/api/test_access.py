"""Who sees what through the API: a token sees its own school only (the pages' selectors decide), a read-only
token cannot write, a revoked one is refused; a browser session sees what its pages show."""

import pytest
from django.test import Client
from django.utils import timezone

from api.tokens import token_revoke
from tests.factories import make_placement
from tests.registry.factories_register import make_certificate

from .conftest import bearer

JSON = "application/json"


@pytest.fixture
def two_schools(world):
    mine = make_certificate(school=world.school, company=world.company, holder_name="Anna Mine")
    theirs = make_certificate(school=world.other_school, company=world.other_company, holder_name="Bert Theirs")
    other_placement = make_placement(school=world.other_school, company=world.other_company)
    return mine, theirs, other_placement


def holders(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {row["holder_name"] for row in response.json()["results"]}


def test_a_token_reads_only_its_own_school(world, tokens, two_schools, read_client, other_client):
    mine, theirs, other_placement = two_schools
    assert holders(read_client.get("/api/v1/register/")) == {"Anna Mine"}
    assert holders(other_client.get("/api/v1/register/")) == {"Bert Theirs"}
    placements = {row["id"] for row in read_client.get("/api/v1/placements/").json()["results"]}
    assert placements == {world.placement.pk}
    assert read_client.get(f"/api/v1/placements/{other_placement.pk}/").status_code == 404
    assert other_client.get(f"/api/v1/placements/{world.placement.pk}/").status_code == 404
    assert [s["id"] for s in read_client.get("/api/v1/schools/").json()] == [world.school.pk]
    for url in (f"/api/v1/schools/{world.school.pk}/people/", f"/api/v1/schools/{world.school.pk}/learners/"):
        assert read_client.get(url).status_code == 200
        assert other_client.get(url).status_code == 404
    assert other_client.get("/api/v1/register/", {"school": world.school.pk}).status_code == 200  # ignored: one school
    companies = {row["id"] for row in other_client.get("/api/v1/companies/").json()["results"]}
    assert world.company.pk not in companies


def test_another_schools_token_cannot_write_to_this_school(world, other_client):
    url = f"/api/v1/schools/{world.school.pk}/learners/S1/"
    body = {"first_name": "A", "last_name": "B", "email": "ab@example.org"}
    assert other_client.put(url, body, content_type=JSON).status_code == 404


def test_a_token_of_a_coordinator_who_is_also_staff_speaks_only_for_its_school(world, two_schools):
    from api.tokens import token_create

    world.other_coordinator.is_staff = True
    world.other_coordinator.save()
    _token, text = token_create(school=world.other_school, by=world.other_coordinator, name="x", scope="read")
    assert holders(bearer(text).get("/api/v1/register/")) == {"Bert Theirs"}


def test_a_read_only_token_gets_403_on_every_write(world, read_client):
    school = world.school.pk
    for method, url in (
        ("put", f"/api/v1/schools/{school}/learners/S1/"),
        ("post", f"/api/v1/schools/{school}/learners/"),
        ("put", "/api/v1/companies/12345678/"),
        ("post", "/api/v1/companies/"),
    ):
        assert getattr(read_client, method)(url, {}, content_type=JSON).status_code == 403, url


def test_a_revoked_token_gets_401(world, tokens, read_client):
    assert read_client.get("/api/v1/placements/").status_code == 200
    token_revoke(token=tokens.read, by=world.coordinator)
    assert read_client.get("/api/v1/placements/").status_code == 401


def test_a_token_whose_maker_left_the_app_stops_working(world, tokens, read_client):
    world.coordinator.is_active = False
    world.coordinator.save()
    assert read_client.get("/api/v1/placements/").status_code == 401


def test_last_used_is_recorded_at_most_once_a_minute(world, tokens, read_client, django_assert_num_queries):
    read_client.get("/api/v1/schools/")
    tokens.read.refresh_from_db()
    first = tokens.read.last_used_at
    assert first is not None and (timezone.now() - first).total_seconds() < 60
    read_client.get("/api/v1/schools/")
    tokens.read.refresh_from_db()
    assert tokens.read.last_used_at == first


def _session(user, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


def test_a_learner_session_sees_only_their_own_placement(world, two_schools):
    client = _session(world.learner)
    assert [row["id"] for row in client.get("/api/v1/placements/").json()["results"]] == [world.placement.pk]
    assert client.get("/api/v1/register/").status_code == 403
    assert client.get(f"/api/v1/schools/{world.school.pk}/learners/").status_code == 404
    assert client.get(f"/api/v1/schools/{world.school.pk}/people/").status_code == 403
    assert client.get("/api/v1/companies/").json()["results"] == []


def test_a_mentor_session_sees_only_their_learners_placements(world, two_schools):
    make_placement(school=world.school, company=world.company)  # a colleague's learner
    client = _session(world.mentor)
    assert [row["id"] for row in client.get("/api/v1/placements/").json()["results"]] == [world.placement.pk]
    assert client.get("/api/v1/register/").status_code == 403
    assert client.get(f"/api/v1/schools/{world.school.pk}/people/").status_code == 404


def test_a_teacher_session_reads_learners_but_may_not_write_them(world):
    client = _session(world.supervisor)
    assert client.get(f"/api/v1/schools/{world.school.pk}/learners/").status_code == 200
    url = f"/api/v1/schools/{world.school.pk}/learners/S1/"
    body = {"first_name": "A", "last_name": "B", "email": "ab@example.org"}
    assert client.put(url, body, content_type=JSON).status_code == 403


def test_a_session_write_needs_the_csrf_token(world):
    client = _session(world.coordinator, enforce_csrf_checks=True)
    url = f"/api/v1/schools/{world.school.pk}/learners/S1/"
    body = {"first_name": "A", "last_name": "B", "email": "ab@example.org"}
    response = client.put(url, body, content_type=JSON)
    assert response.status_code == 403 and "CSRF" in response.json()["detail"]
    client.get(f"/api/tokens/school/{world.school.pk}/")  # a page with a form sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    assert client.put(url, body, content_type=JSON, HTTP_X_CSRFTOKEN=token).status_code == 201
