"""Who may open the people pages: a coordinator their school's, a company admin their company's, staff all;
the organisation's other members get 403, anyone else 404."""

import pytest
from django.urls import reverse

from accounts.models import Role
from tests.factories import grant


def _pages(kind, org, person):
    args = [kind, org.pk]
    return [
        ("get", reverse("people_list", args=args)),
        ("get", reverse("people_add", args=args)),
        ("get", reverse("people_invitations", args=args)),
        ("get", reverse("people_person", args=[*args, person.pk])),
        ("post", reverse("people_deactivate", args=[*args, person.pk])),
        ("post", reverse("people_reactivate", args=[*args, person.pk])),
    ]


CASES = [
    # (who, kind, organisation, person there, expected status of the GET pages)
    ("coordinator", "school", "school", "supervisor", 200),
    ("staff", "school", "school", "supervisor", 200),
    ("supervisor", "school", "school", "colleague_teacher", 403),
    ("learner", "school", "school", "supervisor", 403),
    ("other_coordinator", "school", "school", "supervisor", 404),
    ("company_admin", "school", "school", "supervisor", 404),
    ("nobody", "school", "school", "supervisor", 404),
    ("company_admin", "company", "company", "mentor", 200),
    ("staff", "company", "company", "mentor", 200),
    ("mentor", "company", "company", "colleague_mentor", 403),
    ("other_company_admin", "company", "company", "mentor", 404),
    ("coordinator", "company", "company", "mentor", 404),
]


@pytest.mark.parametrize(("who", "kind", "org", "person", "status"), CASES)
def test_people_pages_per_role(client, world, who, kind, org, person, status):
    client.force_login(getattr(world, who))
    for method, url in _pages(kind, getattr(world, org), getattr(world, person)):
        response = getattr(client, method)(url)
        if (who, kind) == ("coordinator", "company") and url.endswith("/add/"):
            # A coordinator may invite an admin of a company they edit (test_people_company_new.py), nothing else.
            assert response.status_code == 200 and response.context["form"].fields["role"].choices == [
                ("company_admin", "company admin")
            ]
        elif method == "get":
            assert response.status_code == status, url
        else:
            # POSTs of those who may not act change nothing; those who may are redirected (or refused with 400).
            assert response.status_code in ({302, 400} if status == 200 else {status}), url


def test_a_person_of_another_organisation_is_a_404_even_for_a_manager(client, world):
    client.force_login(world.coordinator)
    assert (
        client.get(reverse("people_person", args=["school", world.school.pk, world.other_teacher.pk])).status_code
        == 404
    )
    assert client.get(reverse("people_person", args=["school", world.school.pk, world.mentor.pk])).status_code == 404


def test_unknown_kind_and_organisation_are_404(client, world):
    client.force_login(world.staff)
    assert client.get("/accounts/people/club/1/").status_code == 404
    assert client.get(reverse("people_list", args=["school", 999999])).status_code == 404
    assert client.get(reverse("people_list", args=["company", 99999999999999999999])).status_code == 404


def test_an_ended_coordinator_role_gives_no_access(client, world):
    from django.utils import timezone

    world.coordinator.memberships.update(ended_at=timezone.now())
    grant(world.coordinator, Role.TEACHER, world.other_school)
    client.force_login(world.coordinator)
    assert client.get(reverse("people_list", args=["school", world.school.pk])).status_code == 404


def test_anonymous_is_sent_to_log_in(client, world):
    response = client.get(reverse("people_list", args=["school", world.school.pk]))
    assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.parametrize(("who", "redirects_to"), [("coordinator", "school"), ("company_admin", "company")])
def test_the_people_menu_leads_a_manager_of_one_organisation_straight_to_it(client, world, who, redirects_to):
    client.force_login(getattr(world, who))
    response = client.get(reverse("people"))
    org = world.school if redirects_to == "school" else world.company
    assert response.status_code == 302
    assert response["Location"] == reverse("people_list", args=[redirects_to, org.pk])


def test_the_people_home_of_staff_and_of_someone_managing_nothing(client, world):
    client.force_login(world.staff)
    assert reverse("people_schools") in client.get(reverse("people")).text
    client.force_login(world.supervisor)
    assert "You do not manage the people" in client.get(reverse("people")).text
