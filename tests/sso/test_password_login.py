"""A school can switch password log-in off: its people then sign in with the school's provider only."""

import pytest
from django.contrib.auth import get_user
from django.template import Context, Template
from django.urls import reverse

from accounts.models import IdentityProvider, Role
from tests.factories import CompanyFactory, SchoolFactory, UserFactory, grant, person

PASSWORD = "correct horse battery"  # tests.factories.UserFactory
OFF_MESSAGE = "Your school signs you in with its own account. Use your school&#x27;s sign-in button above."


@pytest.fixture
def school_without_passwords(db):
    return SchoolFactory(name="Rijnland Vakcollege", password_login_enabled=False)


def _log_in(client, user):
    return client.post(reverse("login"), {"username": user.email, "password": PASSWORD})


def test_a_person_of_a_school_without_passwords_cannot_log_in_with_one(client, school_without_passwords):
    teacher = person(Role.TEACHER, school_without_passwords)
    response = _log_in(client, teacher)
    assert response.status_code == 200
    assert OFF_MESSAGE in response.text
    assert get_user(client).is_anonymous


def test_a_wrong_password_does_not_reveal_the_school_setting(client, school_without_passwords):
    teacher = person(Role.TEACHER, school_without_passwords)
    response = client.post(reverse("login"), {"username": teacher.email, "password": "wrong"})
    assert "do not match" in response.text
    assert OFF_MESSAGE not in response.text


def test_staff_always_can(client, school_without_passwords):
    staff = person(Role.COORDINATOR, school_without_passwords, is_staff=True)
    assert _log_in(client, staff).status_code == 302
    assert get_user(client) == staff


def test_a_role_at_a_school_with_passwords_keeps_them(client, school_without_passwords):
    teacher = person(Role.TEACHER, school_without_passwords)
    grant(teacher, Role.TEACHER, SchoolFactory(name="Noordkust College"))
    assert _log_in(client, teacher).status_code == 302


def test_a_role_at_a_company_keeps_the_password(client, school_without_passwords):
    mentor = person(Role.LEARNER, school_without_passwords)
    grant(mentor, Role.MENTOR, CompanyFactory())
    assert _log_in(client, mentor).status_code == 302


def test_an_ended_role_at_a_school_with_passwords_does_not_count(client, school_without_passwords):
    teacher = person(Role.TEACHER, school_without_passwords)
    grant(teacher, Role.TEACHER, SchoolFactory(name="Noordkust College"))
    teacher.memberships.filter(school__password_login_enabled=True).update(ended_at="2020-01-01T00:00:00Z")
    assert OFF_MESSAGE in _log_in(client, teacher).text


def test_the_default_keeps_passwords(client, db):
    teacher = person(Role.TEACHER, SchoolFactory())
    assert _log_in(client, teacher).status_code == 302
    assert get_user(client) == teacher


def test_someone_without_any_role_keeps_the_password(client, db):
    assert _log_in(client, UserFactory()).status_code == 302


def test_the_log_in_page_shows_the_schools_buttons(client, school_without_passwords):
    provider = IdentityProvider.objects.create(
        school=school_without_passwords, name="Rijnland ID", issuer="https://id.rijnland.example", client_id="wm"
    )
    IdentityProvider.objects.create(
        school=school_without_passwords, name="Off", issuer="https://off.example", client_id="x", enabled=False
    )
    page = client.get(reverse("login") + "?next=/placements/").text
    assert "Sign in with Rijnland ID" in page
    assert f'href="{reverse("sso_start", args=[provider.pk])}?next=%2Fplacements%2F"' in page
    assert "Sign in with Off" not in page


def test_without_providers_the_log_in_page_has_no_buttons(client, db):
    assert "Sign in with" not in client.get(reverse("login")).text


def test_an_activation_page_can_show_its_schools_buttons_carrying_the_invitation(db):
    school, other = SchoolFactory(name="Rijnland Vakcollege"), SchoolFactory(name="Noordkust College")
    ours = IdentityProvider.objects.create(school=school, name="Rijnland ID", issuer="https://r.example", client_id="a")
    IdentityProvider.objects.create(school=other, name="Noordkust ID", issuer="https://n.example", client_id="b")
    html = Template(
        "{% load sso_buttons %}{% sso_providers school as providers %}"
        '{% include "accounts/sso/_buttons.html" with invitation_token=token %}'
    ).render(Context({"school": school, "token": "abc123"}))
    assert f'href="{reverse("sso_start", args=[ours.pk])}?invitation=abc123"' in html
    assert "Noordkust ID" not in html
