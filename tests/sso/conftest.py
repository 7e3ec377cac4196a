"""Single sign-on tests: a school with an identity provider pointing at the local OpenID provider."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from accounts.models import IdentityProvider, Role
from tests.factories import SchoolFactory, person
from tests.sso.oidc_provider import CLIENT_ID, CLIENT_SECRET, oidc_issuer, sign_in_at_provider  # noqa: F401


@pytest.fixture
def school(db):
    return SchoolFactory(name="Rijnland Vakcollege", short_name="RVC")


@pytest.fixture
def teacher(school):
    return person(Role.TEACHER, school, email="teacher@school.example", first_name="Tessa", last_name="de Vries")


@pytest.fixture
def idp(school, oidc_issuer):  # noqa: F811
    return IdentityProvider.objects.create(
        school=school,
        name="Rijnland ID",
        issuer=oidc_issuer,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        scopes="openid email profile number",
        match_claim=IdentityProvider.MatchClaim.EMAIL,
        number_claim="employee_number",
        email_trusted=True,
    )


@pytest.fixture
def sso(client):
    """sso(provider, account, query="") -> the callback's response, after signing in at the provider as `account`."""

    def _sign_in(provider, account, query=""):
        start = client.get(reverse("sso_start", args=[provider.pk]) + query)
        assert start.status_code == 302, start.content[:500]
        back = sign_in_at_provider(start["Location"], account)
        parts = urlsplit(back)
        return client.get(f"{parts.path}?{parts.query}")

    return _sign_in
