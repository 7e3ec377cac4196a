"""A new host company, added by staff or a coordinator, and the invitation of its first company admin."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.invitations.models import Invitation
from accounts.models import Company, Role, User
from tests.factories import CompanyFactory, grant

# The invitation e-mails are checked where they are sent: in this process, also when REDIS_URL is set (CI).
pytestmark = pytest.mark.usefixtures("tasks_in_process")

PASSWORD = "bakkerij-zeeuws-2026"
NEW = reverse("people_company_new")


def _company(**changes):
    data = {
        "name": "Zeeuwse Bakkerij", "registration_number": "8765 4321", "address": "Markt 3", "postcode": "4331 LK",
        "city": "Middelburg", "country": "NL", "sector": "Food production", "email": "info@zeeuws.example",
        "phone": "0118 123 456",
    }  # fmt: skip
    return {**data, **changes}


def _invite_admin(client, company):
    data = {"email": "eigenaar@zeeuws.example", "first_name": "Joost", "last_name": "Kodde", "role": "company_admin"}
    return client.post(reverse("people_add", args=["company", company.pk]), {**data, "language": "nl"})


def _link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/invitation/\S+/)", message.body).group(1)


@pytest.mark.parametrize("who", ["staff", "coordinator"])
def test_staff_and_coordinators_add_a_company_and_invite_its_first_admin(
    client, world, who, django_capture_on_commit_callbacks
):
    client.force_login(getattr(world, who))
    assert client.get(NEW).status_code == 200
    response = client.post(NEW, _company())
    company = Company.objects.get(name="Zeeuwse Bakkerij")
    assert company.registration_number == "87654321" and company.city == "Middelburg"
    assert response.status_code == 302
    assert response["Location"] == reverse("people_add", args=["company", company.pk]) + "?role=company_admin"
    form = client.get(response["Location"]).context["form"]
    assert form["role"].value() == "company_admin"
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite_admin(client, company)
    assert response.status_code == 302
    invitation = Invitation.objects.get(company=company)
    assert (invitation.role, invitation.email) == (Role.COMPANY_ADMIN, "eigenaar@zeeuws.example")
    (message,) = mail.outbox
    assert message.to == ["eigenaar@zeeuws.example"] and "Zeeuwse Bakkerij" in message.subject
    # The company is on the adder's list (a coordinator's school has no learner there yet).
    listed = client.get(reverse("people_companies")).context["page"].object_list
    assert company.pk in [c.pk for c in listed]


def test_a_coordinator_invites_only_a_company_admin_and_other_schools_do_not_see_the_company(client, world):
    client.force_login(world.coordinator)
    client.post(NEW, _company())
    company = Company.objects.get(name="Zeeuwse Bakkerij")
    form = client.get(reverse("people_add", args=["company", company.pk])).context["form"]
    assert [value for value, _label in form.fields["role"].choices] == ["company_admin"]
    data = {"email": "m@zeeuws.example", "first_name": "M", "last_name": "V", "role": "mentor", "language": "nl"}
    assert client.post(reverse("people_add", args=["company", company.pk]), data).status_code == 400
    assert not Invitation.objects.filter(company=company).exists()
    # The company's page offers the invitation; its people pages stay its admins'.
    invite = reverse("people_add", args=["company", company.pk]) + "?role=company_admin"
    assert invite in client.get(reverse("people_company_edit", args=[company.pk])).text
    assert client.get(reverse("people_list", args=["company", company.pk])).status_code == 404
    client.force_login(world.other_coordinator)
    assert client.get(reverse("people_company_edit", args=[company.pk])).status_code == 404
    assert client.get(reverse("people_add", args=["company", company.pk])).status_code == 404
    assert company.pk not in [c.pk for c in client.get(reverse("people_companies")).context["page"].object_list]


def test_a_coordinator_of_two_schools_says_which_school_adds_the_company(client, world):
    grant(world.coordinator, Role.COORDINATOR, world.other_school)
    client.force_login(world.coordinator)
    assert client.post(NEW, _company()).status_code == 400  # the school is required
    client.post(NEW, _company(school=world.other_school.pk))
    company = Company.objects.get(name="Zeeuwse Bakkerij")
    client.force_login(world.other_coordinator)
    assert client.get(reverse("people_company_edit", args=[company.pk])).status_code == 200


@pytest.mark.parametrize("who", ["mentor", "learner", "company_admin", "supervisor"])
def test_others_may_not_add_a_company(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, _company()).status_code == 403
    assert not Company.objects.filter(name="Zeeuwse Bakkerij").exists()
    assert "New host company" not in client.get(reverse("people_companies")).text


def test_the_list_offers_the_new_company_page_to_those_allowed(client, world):
    client.force_login(world.coordinator)
    assert NEW in client.get(reverse("people_companies")).text


def test_a_kvk_number_registered_already_is_refused_with_a_link(client, world):
    existing = CompanyFactory(name="Bakkerij Kodde", city="Vlissingen", registration_number="87654321")
    client.force_login(world.staff)
    response = client.post(NEW, _company(registration_number="8765.4321"))
    assert response.status_code == 400
    assert "Bakkerij Kodde (Vlissingen) is registered with this KvK number already." in response.text
    assert f'href="{reverse("people_company_edit", args=[existing.pk])}"' in response.text
    assert Company.objects.filter(registration_number="87654321").count() == 1
    # A coordinator who may not open that company is told its name, not given a link to a 404.
    client.force_login(world.coordinator)
    response = client.post(NEW, _company())
    assert response.status_code == 400 and "registered with this KvK number already" in response.text
    assert reverse("people_company_edit", args=[existing.pk]) not in response.text
    # The same number in another country is another company.
    assert client.post(NEW, _company(country="BE")).status_code == 302


@pytest.mark.parametrize("number", ["1234567", "123456789", "1234567A"])
def test_a_bad_kvk_number_is_refused(client, world, number):
    client.force_login(world.coordinator)
    response = client.post(NEW, _company(registration_number=number))
    assert response.status_code == 400 and "eight digits" in response.text
    assert not Company.objects.filter(name="Zeeuwse Bakkerij").exists()


def test_the_invited_admin_activates_and_edits_their_company(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.coordinator)
    client.post(NEW, _company())
    company = Company.objects.get(name="Zeeuwse Bakkerij")
    with django_capture_on_commit_callbacks(execute=True):
        _invite_admin(client, company)
    client.logout()
    link = _link(mail.outbox[0])
    response = client.post(
        link, {"first_name": "Joost", "last_name": "Kodde", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    admin = User.objects.get(email="eigenaar@zeeuws.example")
    assert int(client.session["_auth_user_id"]) == admin.pk
    edit = reverse("people_company_edit", args=[company.pk])
    assert client.get(edit).status_code == 200
    response = client.post(edit, {**_company(phone="0118 999 999"), "website": ""})
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.phone == "0118 999 999"
    # As the company's admin they manage its people now.
    assert client.get(reverse("people_list", args=["company", company.pk])).status_code == 200
