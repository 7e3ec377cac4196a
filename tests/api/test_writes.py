"""Writes as the onboarding import makes them, idempotent: learners by student number, companies by KvK number."""

from accounts.models import Company, Role, User
from placements.models import LearnerRecord
from tests.factories import CompanyFactory, UserFactory, grant

JSON = "application/json"
LEARNER = {"first_name": "Sanne", "last_name": "Bakker", "email": "Sanne@Example.org"}


def test_putting_a_learner_twice_makes_one_learner(world, write_client):
    url = f"/api/v1/schools/{world.school.pk}/learners/00123/"
    first = write_client.put(url, LEARNER, content_type=JSON)
    again = write_client.put(url, LEARNER, content_type=JSON)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    record = LearnerRecord.objects.get(school=world.school, student_number="00123")
    assert record.user.email == "sanne@example.org"
    assert record.user.memberships.filter(role=Role.LEARNER, school=world.school).count() == 1
    assert User.objects.filter(email__iexact="sanne@example.org").count() == 1


def test_posting_a_learner_twice_makes_one_learner_and_updates_it(world, write_client):
    url = f"/api/v1/schools/{world.school.pk}/learners/"
    write_client.post(url, {**LEARNER, "student_number": "S7"}, content_type=JSON)
    response = write_client.post(url, {**LEARNER, "student_number": "S7", "last_name": "de Bakker"}, content_type=JSON)
    assert response.status_code == 200 and response.json()["last_name"] == "de Bakker"
    assert LearnerRecord.objects.filter(school=world.school, student_number="S7").count() == 1


def test_a_learner_of_another_account_is_refused_as_the_import_refuses_it(world, write_client):
    url = f"/api/v1/schools/{world.school.pk}/learners/S8/"
    write_client.put(url, LEARNER, content_type=JSON)
    other = f"/api/v1/schools/{world.school.pk}/learners/S9/"
    response = write_client.put(other, LEARNER, content_type=JSON)  # the same e-mail, another number
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "email"


def test_an_existing_account_gets_the_learner_record_not_a_second_account(world, write_client):
    known = UserFactory(email="known@example.org")
    url = f"/api/v1/schools/{world.school.pk}/learners/S10/"
    response = write_client.put(url, {**LEARNER, "email": "known@example.org"}, content_type=JSON)
    assert response.status_code == 201 and response.json()["id"] == known.pk


def test_putting_a_company_twice_makes_one_company_added_for_the_school(world, write_client, read_client):
    body = {"name": "Timmerbedrijf Smit", "city": "Gouda", "sector": "Bouw"}
    first = write_client.put("/api/v1/companies/12345678/", body, content_type=JSON)
    again = write_client.put("/api/v1/companies/12 34 56 78/", body, content_type=JSON)
    assert (first.status_code, again.status_code) == (201, 200)
    assert Company.objects.filter(registration_number="12345678").count() == 1
    # Added for the school: its coordinators edit it, so the school's tokens read it.
    assert read_client.get("/api/v1/companies/12345678/").json()["name"] == "Timmerbedrijf Smit"


def test_posting_a_company_twice_makes_one_company(world, write_client):
    body = {"kvk_number": "1234567", "name": "Smit", "city": "Gouda", "sector": "Bouw"}  # a lost leading zero
    write_client.post("/api/v1/companies/", body, content_type=JSON)
    write_client.post("/api/v1/companies/", body, content_type=JSON)
    assert Company.objects.filter(registration_number="01234567").count() == 1


def test_a_known_company_only_gets_its_empty_fields_filled_in(world, write_client):
    world.company.registration_number = "87654321"
    world.company.save()
    body = {"name": "Another name", "city": "Elsewhere", "postcode": "1234 AB"}
    response = write_client.put("/api/v1/companies/87654321/", body, content_type=JSON)
    assert response.status_code == 200
    world.company.refresh_from_db()
    assert (world.company.name, world.company.city, world.company.postcode) == (
        "Bakkerij De Korenschoof",
        "Utrecht",
        "1234 AB",
    )


def test_a_new_company_needs_a_name(world, write_client):
    response = write_client.put("/api/v1/companies/11112222/", {"city": "Gouda"}, content_type=JSON)
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "name"


def test_another_schools_company_is_not_changed(world, write_client):
    CompanyFactory(name="Elsewhere BV", registration_number="55556666")
    response = write_client.put("/api/v1/companies/55556666/", {"postcode": "9999 ZZ"}, content_type=JSON)
    assert response.status_code == 403
    assert Company.objects.get(registration_number="55556666").postcode == ""


def test_a_coordinator_of_two_schools_says_which_one(world, client):
    grant(world.coordinator, Role.COORDINATOR, world.other_school)
    client.force_login(world.coordinator)
    body = {"kvk_number": "22223333", "name": "Smit", "city": "Gouda", "sector": "Bouw"}
    assert client.post("/api/v1/companies/", body, content_type=JSON).status_code == 400
    url = f"/api/v1/companies/?school={world.other_school.pk}"
    assert client.post(url, body, content_type=JSON).status_code == 201
