"""Company profiles (KvK number checked for the Netherlands) and schools (staff only)."""

import pytest
from django.urls import reverse

from accounts.models import Company, Role, School
from tests.factories import CompanyFactory, make_placement


def _profile(company, **changes):
    data = {
        "name": company.name, "sector": company.sector, "address": "Korenstraat 1", "postcode": "2311 AB",
        "city": company.city, "country": company.country, "registration_number": "", "email": "info@example.org",
        "phone": "071 123 4567", "website": "",
    }  # fmt: skip
    return {**data, **changes}


@pytest.mark.parametrize(
    ("country", "number", "saved"),
    [
        ("NL", "12345678", "12345678"),
        ("NL", "1234 5678", "12345678"),
        ("NL", "12.34.56.78", "12345678"),
        ("NL", "1234567", None),
        ("NL", "123456789", None),
        ("NL", "1234567A", None),
        ("DE", "HRB 12345", "HRB12345"),  # abroad the local number, whatever its form
        ("NL", "", ""),
    ],
)
def test_the_kvk_number_of_a_dutch_company_has_eight_digits(client, world, country, number, saved):
    client.force_login(world.company_admin)
    url = reverse("people_company_edit", args=[world.company.pk])
    response = client.post(url, _profile(world.company, country=country, registration_number=number))
    world.company.refresh_from_db()
    if saved is None:
        assert response.status_code == 400
        assert "eight digits" in response.text
        assert world.company.registration_number == ""
    else:
        assert response.status_code == 302
        assert (world.company.country, world.company.registration_number) == (country, saved)
        assert world.company.address == "Korenstraat 1"


def test_the_same_kvk_number_twice_is_a_form_error(client, world):
    CompanyFactory(registration_number="12345678")
    client.force_login(world.company_admin)
    url = reverse("people_company_edit", args=[world.company.pk])
    response = client.post(url, _profile(world.company, registration_number="12345678"))
    assert response.status_code == 400


def test_the_profile_form_leaves_the_accreditation_alone(client, world):
    client.force_login(world.company_admin)
    response = client.get(reverse("people_company_edit", args=[world.company.pk]))
    assert "accreditation_status" not in response.context["form"].fields
    client.post(
        reverse("people_company_edit", args=[world.company.pk]),
        _profile(world.company, accreditation_status="accredited"),
    )
    world.company.refresh_from_db()
    assert world.company.accreditation_status == Company.Accreditation.PENDING


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("company_admin", 200),
        ("staff", 200),
        ("coordinator", 200),  # their school's learner is placed there
        ("mentor", 403),
        ("supervisor", 404),  # supervises a learner there, but does not manage the school's companies
        ("other_coordinator", 404),
        ("other_company_admin", 404),
        ("nobody", 404),
    ],
)
def test_who_edits_a_company(client, world, who, status):
    client.force_login(getattr(world, who))
    assert client.get(reverse("people_company_edit", args=[world.company.pk])).status_code == status


def test_a_coordinator_lists_the_companies_hosting_their_learners(client, world):
    hosting_elsewhere = CompanyFactory(name="Elsewhere")
    make_placement(school=world.other_school, company=hosting_elsewhere)
    client.force_login(world.coordinator)
    listed = client.get(reverse("people_companies")).context["page"].object_list
    assert [company.pk for company in listed] == [world.company.pk]
    assert client.get(reverse("people_company_edit", args=[hosting_elsewhere.pk])).status_code == 404
    client.force_login(world.other_coordinator)
    listed = client.get(reverse("people_companies")).context["page"].object_list
    assert [company.pk for company in listed] == [hosting_elsewhere.pk]


def test_the_company_list_costs_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    for n in range(20):
        make_placement(school=world.school, company=CompanyFactory(name=f"Host {n}"))
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("people_companies"))
    assert len(response.context["page"].object_list) == 21


@pytest.mark.parametrize("who", ["coordinator", "company_admin", "supervisor"])
def test_only_staff_manage_schools(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse("people_schools")).status_code == 403
    assert client.post(reverse("people_school_new"), {"name": "Sneaky College", "city": "X"}).status_code == 403
    assert client.get(reverse("people_school_edit", args=[world.school.pk])).status_code == 403
    assert not School.objects.filter(name="Sneaky College").exists()


def test_staff_create_a_school_and_invite_its_first_coordinator(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.staff)
    response = client.post(
        reverse("people_school_new"),
        {"name": "Zeeland College", "short_name": "ZC", "city": "Middelburg", "country": "NL"},
    )
    school = School.objects.get(name="Zeeland College")
    assert response.status_code == 302
    assert response["Location"] == reverse("people_add", args=["school", school.pk]) + "?role=coordinator"
    form = client.get(response["Location"]).context["form"]
    assert form["role"].value() == "coordinator"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("people_add", args=["school", school.pk]),
            {"email": "eerste@zeeland.example", "first_name": "Eva", "last_name": "de Wit", "role": "coordinator",
             "language": "nl"},
        )  # fmt: skip
    invitation = school.invitations.get()
    assert (invitation.role, invitation.email) == (Role.COORDINATOR, "eerste@zeeland.example")


def test_a_school_name_is_unique(client, world):
    client.force_login(world.staff)
    response = client.post(reverse("people_school_new"), {"name": world.school.name, "city": "Leiden", "country": "NL"})
    assert response.status_code == 400


def _location(**extra):
    return {"name": "Bakery Leiden", "address": "Breestraat 1", "postcode": "2311 CH", "city": "Leiden",
            "country": "NL", "contact_name": "Piet Bakker", "email": "", "phone": "", **extra}  # fmt: skip


def test_a_company_admin_keeps_the_companys_locations(client, world):
    client.force_login(world.company_admin)
    response = client.post(reverse("people_location_new", args=[world.company.pk]), _location())
    assert response.status_code == 302
    location = world.company.locations.get()
    assert (location.name, location.contact_name) == ("Bakery Leiden", "Piet Bakker")
    assert "Bakery Leiden" in client.get(reverse("people_company_edit", args=[world.company.pk])).text
    # One name per company, as a form error.
    response = client.post(reverse("people_location_new", args=[world.company.pk]), _location())
    assert response.status_code == 400 and "location with this name already" in response.text
    edit = reverse("people_location_edit", args=[world.company.pk, location.pk])
    assert client.post(edit, _location(city="Leiderdorp")).status_code == 302
    location.refresh_from_db()
    assert location.city == "Leiderdorp"
    client.post(reverse("people_location_remove", args=[world.company.pk, location.pk]))
    assert not world.company.locations.exists()


def test_locations_follow_the_companys_access(client, world):
    location = world.company.locations.create(name="Bakery", city="Leiden")
    other = world.other_company.locations.create(name="Werkstatt", city="Münster")
    client.force_login(world.coordinator)  # hosts the school's learner: may edit
    assert client.get(reverse("people_location_edit", args=[world.company.pk, location.pk])).status_code == 200
    # Another company's location through this company's address is not found.
    assert client.get(reverse("people_location_edit", args=[world.company.pk, other.pk])).status_code == 404
    client.force_login(world.other_company_admin)
    assert client.get(reverse("people_location_edit", args=[world.company.pk, location.pk])).status_code == 404
    assert client.post(reverse("people_location_remove", args=[world.company.pk, location.pk])).status_code == 404
    client.force_login(world.mentor)
    assert client.post(reverse("people_location_new", args=[world.company.pk]), _location()).status_code == 403
    assert world.company.locations.count() == 1
