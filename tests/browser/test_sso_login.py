"""A teacher signs in through the school's identity provider (the local OpenID provider), in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import IdentityProvider, Role
from tests.factories import SchoolFactory, person
from tests.sso.oidc_provider import CLIENT_ID, CLIENT_SECRET, STRANGER, TEACHER, oidc_issuer  # noqa: F401


@pytest.fixture
def school_idp(live_server, oidc_issuer):  # noqa: F811
    school = SchoolFactory(name="Rijnland Vakcollege")
    teacher = person(Role.TEACHER, school, email="teacher@school.example", first_name="Tessa", last_name="de Vries")
    IdentityProvider.objects.create(
        school=school,
        name="Rijnland ID",
        issuer=oidc_issuer,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        email_trusted=True,
    )
    return teacher


def _sign_in_at_provider(page, account):
    page.get_by_role("link", name="Sign in with Rijnland ID").click()
    # The provider's own (development) sign-in page.
    page.locator("input[name=login]").fill(account)
    page.locator("input[name=password]").fill("any password")
    page.get_by_role("button", name="Sign-in").click()


def test_a_teacher_signs_in_with_the_school_account(page, live_server, school_idp, axe):
    page.goto("/accounts/login/")
    axe(lang="en")
    _sign_in_at_provider(page, TEACHER)
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("h1")).to_have_text("Good to see you, Tessa")
    expect(page.get_by_role("navigation", name="Main navigation")).to_contain_text("Log out")


def test_someone_without_an_account_is_told_to_ask_for_an_invitation(page, live_server, school_idp, axe):
    page.goto("/accounts/login/")
    _sign_in_at_provider(page, STRANGER)
    expect(page.locator("h1")).to_have_text("No account for you here")
    expect(page.locator("main")).to_contain_text("Ask your coordinator for an invitation.")
    axe(lang="en")


def test_the_coordinators_sign_in_settings_pages_are_accessible(page, live_server, log_in, axe):
    school = SchoolFactory(name="Rijnland Vakcollege")
    log_in(person(Role.COORDINATOR, school, first_name="Cor"))
    IdentityProvider.objects.create(
        school=school,
        name="Rijnland ID",
        issuer="https://id.rijnland.example",
        client_id="wm",
        client_secret="a-long-client-secret-9876",
    )
    page.goto("/accounts/sso/settings/")
    expect(page.locator("main")).to_contain_text("…9876")
    axe(lang="en")
    page.get_by_role("link", name=re.compile(r"^Edit.*Rijnland ID")).click()
    expect(page.get_by_label("Client secret")).to_have_value("")
    axe(lang="en")
