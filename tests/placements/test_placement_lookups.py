"""The placement form searches companies, learners, teachers and programmes instead of listing them all.

The page carries only the chosen rows; the look-up endpoints answer within the same scope the form validates
against, accent-blind and case-blind, in a fixed number of queries; posting the id, or (without JavaScript)
the name, still works.
"""

from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.models import Company, Role
from core.lookups import CAP
from placements.models import Placement
from tests.factories import CompanyFactory, ProgrammeFactory, person

from .test_placement_rules import form_data

pytestmark = pytest.mark.django_db


def _found(client, name, q, status=200):
    response = client.get(reverse(name), {"q": q})
    assert response.status_code == status, response.content[:300]
    return [row["label"] for row in response.json()["results"]] if status == 200 else response


@pytest.fixture
def many_companies(world):
    Company.objects.bulk_create(
        [Company(name=f"Bulk Company {number:03}", city="Leiden", sector="retail") for number in range(CAP + 15)]
    )


def test_the_form_no_longer_lists_every_company(client, world, many_companies):
    client.force_login(world.coordinator)
    html = client.get(reverse("placement_new")).content.decode()
    assert html.count("Bulk Company") == 0
    assert 'role="combobox"' in html
    assert reverse("placement_lookup_companies") in html


def test_the_edit_form_shows_the_chosen_rows_by_name(client, world, many_companies):
    client.force_login(world.coordinator)
    html = client.get(reverse("placement_edit", args=[world.placement.pk])).content.decode()
    assert 'value="Bakkerij De Korenschoof (' in html
    assert f'name="company" id="id_company_value" value="{world.company.pk}"' in html
    assert "Daan Jansen (learner@example.org)" in html
    assert "Medewerker bakkerij" in html


def test_posting_the_ids_still_adds_the_placement(client, world, many_companies):
    client.force_login(world.coordinator)
    response = client.post(reverse("placement_new"), form_data(world))
    assert response.status_code == 302
    assert Placement.objects.filter(learner=world.other_learner, company=world.company).exists()


def test_without_javascript_a_typed_name_is_looked_up(client, world, many_companies):
    """The text inputs arrive without ids: each name that matches exactly one row within scope is taken."""
    client.force_login(world.coordinator)
    data = form_data(world, company="", learner="", supervisor="")
    data |= {"company_text": "korenschoof", "learner_text": "other.learner@", "supervisor_text": "INGRID"}
    response = client.post(reverse("placement_new"), data)
    assert response.status_code == 302, response.context["form"].errors
    placement = Placement.objects.get(learner=world.other_learner)
    assert (placement.company, placement.supervisor) == (world.company, world.supervisor)


def test_a_changed_name_wins_over_the_stale_id(client, world):
    """Without JavaScript the hidden id stays as it was; a text that no longer is its label is looked up."""
    client.force_login(world.coordinator)
    data = form_data(world, company=world.other_company.pk, company_text="Korenschoof")
    assert client.post(reverse("placement_new"), data).status_code == 302
    assert Placement.objects.get(learner=world.other_learner).company == world.company


def test_a_name_matching_none_or_several_is_an_error_that_keeps_the_text(client, world, many_companies):
    client.force_login(world.coordinator)
    for typed in ("Nowhere Ltd", "Bulk Company"):
        response = client.post(reverse("placement_new"), form_data(world, company="", company_text=typed))
        assert response.status_code == 200
        message = str(response.context["form"].errors["company"])
        assert "names none of the choices here, or more than one" in message
        html = response.content.decode()
        assert f'name="company_text" value="{typed}"' in html
        assert "is-invalid" in html
    assert not Placement.objects.filter(learner=world.other_learner).exists()


def test_an_id_outside_the_scope_is_refused_as_before(client, world):
    client.force_login(world.coordinator)
    response = client.post(reverse("placement_new"), form_data(world, learner=world.outsider.pk))
    assert response.status_code == 200
    assert "learner" in response.context["form"].errors


def test_after_an_error_the_chosen_company_is_shown_by_name(client, world):
    client.force_login(world.coordinator)
    data = form_data(world, hours_per_week="", company_text=f"{world.company.name} ({world.company.city})")
    html = client.post(reverse("placement_new"), data).content.decode()
    assert f'value="{world.company.pk}"' in html
    assert f'value="{world.company.name} ({world.company.city})"' in html


def test_companies_are_found_accent_and_case_blind(client, world):
    client.force_login(world.coordinator)
    assert _found(client, "placement_lookup_companies", "autohaus") == ["Autohaus Becker (Münster)"]
    assert _found(client, "placement_lookup_companies", "BECKER auto") == ["Autohaus Becker (Münster)"]
    CompanyFactory(name="Café Ümit", city="Delft")
    assert _found(client, "placement_lookup_companies", "cafe umit") == ["Café Ümit (Delft)"]
    assert _found(client, "placement_lookup_companies", "CAFÉ") == ["Café Ümit (Delft)"]


def test_at_most_the_cap_is_answered_and_more_is_said(client, world, many_companies):
    client.force_login(world.coordinator)
    data = client.get(reverse("placement_lookup_companies"), {"q": "bulk"}).json()
    assert len(data["results"]) == CAP
    assert data["more"] is True


def test_a_coordinator_finds_only_the_people_of_their_school(client, world):
    client.force_login(world.coordinator)
    assert sorted(_found(client, "placement_lookup_learners", "example.org")) == sorted(
        ["Daan Jansen (learner@example.org)", f"{world.other_learner.get_full_name()} (other.learner@example.org)"]
    )
    assert _found(client, "placement_lookup_learners", "outsider") == []
    teachers = _found(client, "placement_lookup_supervisors", "")
    assert "other.teacher@example.org" not in str(teachers)
    assert "supervisor@example.org" in str(teachers)
    assert _found(client, "placement_lookup_supervisors", "jansen") == []  # a learner is no teacher


def test_a_coordinator_finds_only_their_schools_programmes(client, world):
    ProgrammeFactory(school=world.other_school, name="Medewerker bakkerij Noord")
    client.force_login(world.coordinator)
    assert _found(client, "placement_lookup_programmes", "bakkerij") == [
        f"{world.programme} · {world.school.short_name or world.school.name}"
    ]


def test_staff_find_everyone(client, world):
    client.force_login(world.staff)
    assert "outsider@example.org" in str(_found(client, "placement_lookup_learners", "OUTSIDER"))
    assert "other.teacher@example.org" in str(_found(client, "placement_lookup_supervisors", "other.teacher"))


@pytest.mark.parametrize("who", ["mentor", "learner", "company_admin", "nobody"])
def test_people_who_cannot_add_placements_are_refused(client, world, who):
    client.force_login(getattr(world, who))
    for name in ("placement_lookup_companies", "placement_lookup_learners", "placement_lookup_supervisors"):
        assert client.get(reverse(name), {"q": "a"}).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    response = client.get(reverse("placement_lookup_companies"), {"q": "a"})
    assert response.status_code == 302
    assert "login" in response.url


@pytest.mark.parametrize("q", ["x" * 101, "bad\x00text", "tab\x01"])
def test_a_text_that_cannot_be_searched_is_a_400_with_a_reason(client, world, q):
    client.force_login(world.coordinator)
    response = client.get(reverse("placement_lookup_companies"), {"q": q})
    assert response.status_code == 400
    assert response.json()["error"]


def test_a_look_up_costs_the_same_few_queries_whatever_it_finds(
    client, world, many_companies, django_assert_max_num_queries
):
    client.force_login(world.staff)
    for _number in range(30):
        person(Role.LEARNER, world.school)
    client.get(reverse("placement_lookup_learners"), {"q": "e"})  # warms the per-process caches
    for name, q in [("placement_lookup_companies", "bulk"), ("placement_lookup_learners", "e")]:
        with django_assert_max_num_queries(4):
            client.get(reverse(name), {"q": q})


def test_the_form_page_costs_no_more_queries_for_a_large_table(
    client, world, many_companies, django_assert_max_num_queries
):
    client.force_login(world.coordinator)
    client.get(reverse("placement_edit", args=[world.placement.pk]))
    with django_assert_max_num_queries(18):
        client.get(reverse("placement_edit", args=[world.placement.pk]))


def test_the_mentor_list_follows_a_typed_company(client, world):
    """Without JavaScript the mentors of the company named by the text are offered after the first post."""
    client.force_login(world.coordinator)
    start = world.placement.end_date + timedelta(days=10)
    data = {"company_text": "autohaus", "start_date": start.isoformat()}
    html = client.post(reverse("placement_new"), data).content.decode()
    assert "other.mentor@example.org" in html


# --- the placement list's filter --------------------------------------------------------------------------------


def test_the_list_filter_no_longer_lists_the_companies(client, world, many_companies):
    for number in range(CAP + 2):
        CompanyFactory(name=f"Placed Company {number:03}")
    client.force_login(world.staff)
    html = client.get(reverse("placement_list")).content.decode()
    assert "Placed Company" not in html
    assert reverse("placement_list_lookup_companies") in html


def test_the_list_filter_takes_the_id_or_the_typed_name(client, world):
    client.force_login(world.coordinator)
    for query in ({"company": world.company.pk}, {"company": "", "company_text": "KORENSCHOOF"}):
        response = client.get(reverse("placement_list"), query)
        assert list(response.context["page"]) == [world.placement]


@pytest.mark.parametrize(
    ("who", "found"),
    [("learner", 1), ("mentor", 1), ("supervisor", 1), ("coordinator", 1), ("staff", 1), ("outsider", 0)],
)
def test_the_list_look_ups_find_only_what_the_user_can_see(client, world, who, found):
    client.force_login(getattr(world, who))
    assert len(_found(client, "placement_list_lookup_companies", "")) == found
    assert len(_found(client, "placement_list_lookup_companies", "autohaus")) == 0  # no placement there
    assert len(_found(client, "placement_list_lookup_programmes", "bakkerij")) == found
