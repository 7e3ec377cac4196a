"""The school's sign-in (identity providers) and security settings are reached from its people pages, by those who
may change them: the school's coordinators and staff; nobody else sees the links."""

import pytest
from django.urls import reverse

SSO = reverse("sso_settings")
SECURITY = reverse("school_security")


@pytest.mark.parametrize("who", ["coordinator", "staff"])
def test_managers_of_a_school_find_its_sign_in_settings_on_its_people_pages(client, world, who):
    client.force_login(getattr(world, who))
    for page in ("people_list", "people_invitations"):
        html = client.get(reverse(page, args=["school", world.school.pk])).content.decode()
        assert f'href="{SSO}#school-{world.school.pk}"' in html
        assert f'href="{SECURITY}?school={world.school.pk}"' in html
    # The links lead to pages they may open, showing this school.
    settings_page = client.get(SSO)
    assert settings_page.status_code == 200 and world.school in [school for school, _ in settings_page.context["rows"]]
    assert client.get(f"{SECURITY}?school={world.school.pk}").status_code == 200


def test_staff_find_the_sign_in_settings_on_the_people_home_page(client, world):
    client.force_login(world.staff)
    assert f'href="{SSO}"' in client.get(reverse("people")).content.decode()


def test_a_company_admin_sees_no_sign_in_settings_and_may_not_open_them(client, world):
    client.force_login(world.company_admin)
    html = client.get(reverse("people_list", args=["company", world.company.pk])).content.decode()
    assert SSO not in html and SECURITY not in html
    assert client.get(SSO).status_code == 403


@pytest.mark.parametrize("who", ["supervisor", "learner", "company_admin", "nobody"])
def test_who_is_no_coordinator_is_offered_no_sign_in_settings(client, world, who):
    client.force_login(getattr(world, who))
    html = client.get(reverse("people")).content.decode()
    assert SSO not in html
    assert client.get(SSO).status_code == 403
