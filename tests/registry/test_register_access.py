"""Who may use the register pages: every endpoint, every role of the cast, and anonymous visitors."""

import re

import pytest
from django.urls import reverse

from accounts.models import Role
from registry.register.selectors import register_certificates
from registry.selectors import certificates_visible_to
from tests.cast import EVERYONE
from tests.factories import grant
from tests.registry.factories_register import make_certificate, publish_register

# Teachers and coordinators search their own school's register; staff search all of them.
SEARCHERS = {"supervisor", "colleague_teacher", "other_teacher", "coordinator", "other_coordinator", "staff"}
# Only coordinators (and staff) import certificates.
IMPORTERS = {"coordinator", "other_coordinator", "staff"}
# Who sees the certificate of world.school in the register.
SEES_SCHOOL_A = {"supervisor", "colleague_teacher", "coordinator", "staff"}

SEARCH_PAGES = [
    ("register", {}),
    ("register_export", {"format": "csv"}),
    ("register_export", {"format": "xlsx"}),
    ("company_register", {}),
    ("company_register_export", {"format": "csv"}),
    ("company_register_export", {"format": "xlsx"}),
]


@pytest.fixture
def certificates(world):
    return (
        make_certificate(school=world.school, company=world.company, holder_name="Anna Register"),
        make_certificate(school=world.other_school, company=world.other_company, holder_name="Bert Elders"),
    )


@pytest.mark.parametrize("url_name, params", SEARCH_PAGES)
@pytest.mark.parametrize("who", EVERYONE)
def test_register_pages_are_for_teachers_coordinators_and_staff(client, world, certificates, who, url_name, params):
    client.force_login(getattr(world, who))
    response = client.get(reverse(url_name), params)
    assert response.status_code == (200 if who in SEARCHERS else 403)


@pytest.mark.parametrize("who", sorted(SEARCHERS))
def test_the_register_lists_only_the_schools_own_certificates(client, world, certificates, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("register"))
    holders = {row.holder for row in response.context["rows"]}
    assert ("Anna Register" in holders) == (who in SEES_SCHOOL_A)
    assert ("Bert Elders" in holders) == (who in {"other_teacher", "other_coordinator", "staff"})


@pytest.mark.parametrize("who", sorted(SEARCHERS))
def test_the_export_holds_only_the_schools_own_certificates(client, world, certificates, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("register_export"), {"format": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert ("Anna Register" in content) == (who in SEES_SCHOOL_A)


@pytest.mark.parametrize("who", EVERYONE)
def test_import_is_for_coordinators_and_staff(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse("register_import")).status_code == (200 if who in IMPORTERS else 403)


@pytest.mark.parametrize("who", EVERYONE)
def test_confirming_an_import_is_for_coordinators_and_staff(client, world, who):
    client.force_login(getattr(world, who))
    response = client.post(reverse("register_import_confirm"), {"token": "nothing-waiting"})
    # Allowed people without a waiting import are sent back to the upload form.
    assert response.status_code == (302 if who in IMPORTERS else 403)


@pytest.mark.parametrize(
    "url_name", ["register", "register_export", "company_register", "company_register_export", "register_import"]
)
def test_anonymous_visitors_are_sent_to_login(client, db, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_anonymous_confirm_is_sent_to_login(client, db):
    response = client.post(reverse("register_import_confirm"), {"token": "x"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("who", [*EVERYONE, None])
def test_the_public_register_needs_no_login_when_published(client, world, certificates, who):
    publish_register(world.school)
    if who:
        client.force_login(getattr(world, who))
    assert client.get(reverse("public_register", args=[world.school.pk])).status_code == 200
    assert client.get(reverse("public_register", args=[world.other_school.pk])).status_code == 404


def test_a_company_admin_who_is_also_a_teacher_searches_only_the_school_register(client, world, certificates):
    """certificates_visible_to also shows an admin their company's certificates; the register does not."""
    grant(world.other_company_admin, Role.TEACHER, world.school)
    client.force_login(world.other_company_admin)
    holders = {row.holder for row in client.get(reverse("register")).context["rows"]}
    assert holders == {"Anna Register"}


@pytest.mark.parametrize("who", EVERYONE)
def test_the_register_is_the_visible_certificates_of_the_users_schools(world, certificates, who):
    """register_certificates writes the school rule directly; it must agree with the central selector."""
    user = getattr(world, who)
    make_certificate(school=world.other_school, company=world.company, holder=world.mentor, holder_name="Own")
    register = set(register_certificates(user).values_list("pk", flat=True))
    visible = set(certificates_visible_to(user).values_list("pk", flat=True))
    assert register <= visible
    if who in SEARCHERS and who != "staff":
        schools = {world.school.pk} if who in SEES_SCHOOL_A else {world.other_school.pk}
        assert register == set(certificates_visible_to(user).filter(school__in=schools).values_list("pk", flat=True))
    if who not in SEARCHERS:
        assert register == set()


def test_register_pages_carry_no_inline_scripts_or_styles(client, world, certificates):
    publish_register(world.school)
    client.force_login(world.coordinator)
    urls = [
        reverse("register"),
        reverse("register") + "?q=anna&status=valid",
        reverse("company_register"),
        reverse("register_import"),
        reverse("public_register", args=[world.school.pk]),
    ]
    for url in urls:
        html = client.get(url).text
        assert " style=" not in html and "<style" not in html, url
        for tag in re.findall(r"<script[^>]*>", html):
            assert "src=" in tag, (url, tag)
