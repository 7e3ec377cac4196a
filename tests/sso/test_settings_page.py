"""The school's sign-in settings page: coordinators configure their school's providers and password log-in;
the client secret is never shown back; other schools' settings are invisible."""

import pytest
from django.urls import reverse

from accounts.models import IdentityProvider, SsoIdentity

SECRET = "s3cr3t-value-of-the-provider-1234"


@pytest.fixture
def provider(world):
    return IdentityProvider.objects.create(
        school=world.school,
        name="Rijnland ID",
        issuer="https://id.rijnland.example",
        client_id="wm",
        client_secret=SECRET,
    )


def _form(**changes):
    data = {
        "name": "Rijnland ID",
        "enabled": "on",
        "issuer": "https://id.rijnland.example",
        "client_id": "werkmentor",
        "client_secret": "",
        "scopes": "openid email profile",
        "match_claim": "email",
        "number_claim": "",
        "email_trusted": "on",
    }
    data.update(changes)
    return data


def test_the_coordinator_sees_their_school_and_no_secret(client, world, provider, django_assert_max_num_queries):
    IdentityProvider.objects.create(
        school=world.other_school, name="Noordkust ID", issuer="https://n.example", client_id="x"
    )
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("sso_settings"))
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store"
    text = page.text
    assert "Rijnland ID" in text and world.school.name in text
    assert "Noordkust ID" not in text and world.other_school.name not in text
    assert SECRET not in text and "…1234" in text


@pytest.mark.parametrize("who", ["supervisor", "learner", "mentor", "company_admin"])
def test_people_who_are_no_coordinator_may_not(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse("sso_settings")).status_code == 403


def test_another_schools_provider_and_school_are_not_found(client, world, provider):
    client.force_login(world.other_coordinator)
    assert client.get(reverse("sso_provider_edit", args=[provider.pk])).status_code == 404
    assert client.get(reverse("sso_provider_add", args=[world.school.pk])).status_code == 404
    response = client.post(reverse("sso_password_login", args=[world.school.pk]), {})
    assert response.status_code == 404
    world.school.refresh_from_db()
    assert world.school.password_login_enabled


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    assert client.get(reverse("sso_settings")).status_code == 302


def test_adding_a_provider(client, world):
    client.force_login(world.coordinator)
    assert client.get(reverse("sso_provider_add", args=[world.school.pk])).status_code == 200
    response = client.post(reverse("sso_provider_add", args=[world.school.pk]), _form(client_secret=SECRET))
    assert response.status_code == 302
    provider = IdentityProvider.objects.get()
    assert (provider.school, provider.client_secret, provider.email_trusted) == (world.school, SECRET, True)


def test_the_secret_is_kept_when_left_empty_and_replaced_when_typed(client, world, provider):
    client.force_login(world.coordinator)
    form = client.get(reverse("sso_provider_edit", args=[provider.pk])).text
    assert SECRET not in form
    assert "A secret is stored (…1234)" in form
    client.post(reverse("sso_provider_edit", args=[provider.pk]), _form(name="Rijnland Login"))
    provider.refresh_from_db()
    assert (provider.name, provider.client_secret) == ("Rijnland Login", SECRET)
    client.post(reverse("sso_provider_edit", args=[provider.pk]), _form(client_secret="a-new-secret-5678"))
    provider.refresh_from_db()
    assert provider.client_secret == "a-new-secret-5678"


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"match_claim": "number", "number_claim": ""}, "Name the claim that holds the number."),
        ({"scopes": "email profile"}, "The scopes must include openid."),
        ({"issuer": "not a url"}, "Enter a valid URL."),
        ({"match_claim": "x" * 5000}, "Select a valid choice."),
        ({"name": ""}, "This field is required."),
    ],
)
def test_bad_input_is_a_form_error(client, world, changes, error):
    client.force_login(world.coordinator)
    response = client.post(reverse("sso_provider_add", args=[world.school.pk]), _form(**changes))
    assert response.status_code == 400
    assert error in response.text
    assert not IdentityProvider.objects.exists()


def test_switching_passwords_off_needs_a_provider_and_a_coordinator_who_used_it(client, world):
    client.force_login(world.coordinator)
    url = reverse("sso_password_login", args=[world.school.pk])
    page = client.post(url, {}, follow=True).text
    assert "Add and enable an identity provider first" in page
    provider = IdentityProvider.objects.create(
        school=world.school, name="Rijnland ID", issuer="https://i.example", client_id="wm"
    )
    assert "Sign in once with your school&#x27;s provider" in client.post(url, {}, follow=True).text
    world.school.refresh_from_db()
    assert world.school.password_login_enabled
    SsoIdentity.objects.create(provider=provider, user=world.coordinator, subject="c-1", linked_by="email")
    assert "now sign in with the school&#x27;s provider only" in client.post(url, {}, follow=True).text
    world.school.refresh_from_db()
    assert not world.school.password_login_enabled
    client.post(url, {"password_login_enabled": "on"})
    world.school.refresh_from_db()
    assert world.school.password_login_enabled


def test_staff_may_switch_passwords_off_for_any_school_with_a_provider(client, world):
    IdentityProvider.objects.create(school=world.other_school, name="N", issuer="https://n.example", client_id="x")
    client.force_login(world.staff)
    assert world.other_school.name in client.get(reverse("sso_settings")).text
    client.post(reverse("sso_password_login", args=[world.other_school.pk]), {})
    world.other_school.refresh_from_db()
    assert not world.other_school.password_login_enabled


def test_the_admin_does_not_show_the_secret_either(client, world, provider):
    world.staff.is_superuser = True
    world.staff.save()
    client.force_login(world.staff)
    page = client.get(reverse("admin:accounts_identityprovider_change", args=[provider.pk]))
    assert page.status_code == 200
    assert SECRET not in page.text and "…1234" in page.text
    assert client.get(reverse("admin:accounts_ssoidentity_changelist")).status_code == 200


@pytest.fixture
def many_schools(world):
    from accounts.sso.manage import SCHOOLS_PER_PAGE
    from tests.factories import SchoolFactory

    return [SchoolFactory(name=f"Bulkschool {number:03}") for number in range(2 * SCHOOLS_PER_PAGE + 5)]


def test_staff_page_through_every_school_a_page_at_a_time_with_fixed_queries(
    client, world, provider, many_schools, django_assert_max_num_queries
):
    client.force_login(world.staff)
    with django_assert_max_num_queries(12):
        first = client.get(reverse("sso_settings"))
    assert first.status_code == 200
    shown = [school.name for school in [world.school, world.other_school, *many_schools] if school.name in first.text]
    assert len(shown) == 20 and "Page 1 of 3" in first.text and 'name="q"' in first.text
    with django_assert_max_num_queries(12):
        last = client.get(reverse("sso_settings"), {"page": "3"})
    assert "Page 3 of 3" in last.text and "Noordkust College" in last.text and "Rijnland ID" in last.text


def test_staff_find_a_school_by_name_and_are_told_when_none_matches(client, world, provider, many_schools):
    client.force_login(world.staff)
    found = client.get(reverse("sso_settings"), {"q": "RIJNLAND vakcollége"}).text  # every word, accent-blind
    assert world.school.name in found and "Rijnland ID" in found and "Bulkschool" not in found
    assert "No school of yours matches that name." in client.get(reverse("sso_settings"), {"q": "nergens"}).text
    assert client.get(reverse("sso_settings"), {"q": "x" * 500}).status_code == 200  # cut to 100 characters


def test_a_coordinator_searching_finds_only_their_own_school(client, world, many_schools):
    client.force_login(world.coordinator)
    page = client.get(reverse("sso_settings"), {"q": "college"}).text
    assert world.other_school.name not in page
    assert 'name="q"' in page  # the search was used: its box stays
    assert 'name="q"' not in client.get(reverse("sso_settings")).text  # one school: nothing to search
