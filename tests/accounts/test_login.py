import pytest
from django.urls import reverse

from tests.factories import UserFactory

PASSWORD = "correct horse battery"


@pytest.fixture
def member(db):
    return UserFactory(email="marieke@example.org")


def test_login_with_email_in_any_case_reaches_dashboard(client, member):
    response = client.post(reverse("login"), {"username": "Marieke@Example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("dashboard")


def test_wrong_password_shows_a_clear_message_on_the_form(client, member):
    response = client.post(reverse("login"), {"username": member.email, "password": "wrong"})
    assert response.status_code == 200
    assert "do not match" in response.text


def test_repeated_failures_lock_the_account_out_with_an_explanation(client, member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": member.email, "password": "wrong"})
    response = client.post(reverse("login"), {"username": member.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed log-in attempts" in response.text
    assert "_auth_user_id" not in client.session


def test_logout_needs_post_and_ends_the_session(client, member):
    client.force_login(member)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 302


def test_login_form_carries_a_csrf_token(db):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(reverse("login"), {"username": "x@example.org", "password": "y"}).status_code == 403
    page = strict.get(reverse("login"))
    assert 'name="csrfmiddlewaretoken"' in page.text
