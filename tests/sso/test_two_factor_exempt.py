"""Two-factor authentication and single sign-on: the school's identity provider asks for the second factor, so a
session it signs in is not asked for a code; the same person logging in with a password is."""

from django.urls import reverse

from accounts.models import Role
from tests.accounts.two_factor_helpers import PASSWORD, turn_on
from tests.factories import grant
from tests.sso.oidc_provider import TEACHER


def test_a_coordinator_signed_in_by_the_schools_provider_is_not_asked_for_a_code(client, school, teacher, idp, sso):
    grant(teacher, Role.COORDINATOR, school)
    school.require_two_factor_for_staff = True
    school.save()
    turn_on(teacher)

    response = sso(idp, TEACHER)
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")
    assert client.get(reverse("dashboard")).status_code == 200
    assert client.get(reverse("school_security")).status_code == 200
    client.post(reverse("logout"))

    client.post(reverse("login"), {"username": teacher.email, "password": PASSWORD})
    assert client.get(reverse("dashboard")).url.startswith(reverse("two_factor_verify"))
