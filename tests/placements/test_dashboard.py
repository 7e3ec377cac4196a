"""Each role's dashboard shows what that person needs, at a cost that does not grow with the school."""

import pytest
from django.urls import reverse

from placements.models import Placement
from tests.factories import make_placement

ROLES = ["learner", "mentor", "supervisor", "coordinator", "company_admin", "staff", "nobody"]


def add_placements(world, count):
    for index in range(count):
        status = [Placement.Status.ACTIVE, Placement.Status.PLANNED, Placement.Status.COMPLETED][index % 3]
        make_placement(
            school=world.school,
            company=world.company,
            mentor=world.mentor,
            supervisor=world.supervisor,
            programme=world.programme,
            status=status,
        )


@pytest.mark.parametrize("who", ROLES)
def test_dashboard_query_count_does_not_grow_with_placements(client, world, who, django_assert_max_num_queries):
    client.force_login(getattr(world, who))
    add_placements(world, 3)
    with django_assert_max_num_queries(24) as small:
        assert client.get(reverse("dashboard")).status_code == 200
    add_placements(world, 30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(reverse("dashboard")).status_code == 200


def test_learner_sees_their_placement_and_people_to_contact(client, world):
    client.force_login(world.learner)
    page = client.get(reverse("dashboard")).text
    assert "Bakkerij De Korenschoof" in page
    assert world.mentor.email in page
    assert world.supervisor.email in page


def test_learner_without_placement_is_told_what_happens_next(client, world):
    client.force_login(world.other_learner)
    assert "coordinator adds it once a host company has accepted you" in client.get(reverse("dashboard")).text


def test_mentor_sees_their_learners_only(client, world):
    make_placement(school=world.school, company=world.company, mentor=world.colleague_mentor)
    client.force_login(world.mentor)
    panel = client.get(reverse("dashboard")).context["panels"][0]
    assert [p.pk for p in panel.lists["open"]] == [world.placement.pk]
    assert panel.counts["active"] == 1


def test_coordinator_counts_learners_without_a_placement(client, world):
    client.force_login(world.coordinator)
    panel = client.get(reverse("dashboard")).context["panels"][0]
    assert panel.counts["learners_without_placement"] == 1  # other_learner
    assert panel.counts["active"] == 1


def test_a_person_with_two_roles_gets_both_panels(client, world):
    from tests.factories import grant

    grant(world.supervisor, "coordinator", world.school)
    client.force_login(world.supervisor)
    roles = [panel.role for panel in client.get(reverse("dashboard")).context["panels"]]
    assert roles == ["teacher", "coordinator"]


def test_someone_without_a_role_is_told_whom_to_ask(client, world):
    client.force_login(world.nobody)
    assert "You have no role yet" in client.get(reverse("dashboard")).text
