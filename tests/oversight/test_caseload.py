"""The school supervisor's caseload: only their own learners, ordered by need, its fixed cost, the meeting link."""

import pytest
from django.urls import reverse

from oversight.caseload.selectors import caseload
from oversight.health.compute import refresh_all
from tests.factories import CompanyFactory, make_placement
from tests.meetings.factories_meetings import in_days, meeting_at
from tests.oversight.factories_health import BREAKS, healthy_placement

CASELOAD = reverse("oversight_caseload")


@pytest.fixture
def learners(world):
    """The supervisor's placement on track, a second of theirs at risk, a third needing
    attention, one of a colleague and one of another school."""
    healthy_placement(world, placement=world.placement)
    at_risk = healthy_placement(world, company=CompanyFactory(name="Garage Smit"), supervisor=world.supervisor)
    BREAKS["incident escalated"][1](at_risk)
    attention = healthy_placement(world, company=CompanyFactory(name="Kapsalon Knip"), supervisor=world.supervisor)
    BREAKS["agreement"][1](attention)
    colleagues = healthy_placement(
        world, company=CompanyFactory(name="Drukkerij Pers"), supervisor=world.colleague_teacher
    )
    make_placement(school=world.other_school, company=world.other_company, supervisor=world.other_teacher)
    refresh_all()
    return {"at_risk": at_risk, "attention": attention, "colleagues": colleagues}


def test_the_supervisor_sees_their_learners_by_need(client, world, learners):
    rows = list(caseload(world.supervisor))
    assert [row.placement_id for row in rows] == [learners["at_risk"].pk, learners["attention"].pk, world.placement.pk]
    client.force_login(world.supervisor)
    response = client.get(CASELOAD)
    assert response.status_code == 200
    text = response.content.decode()
    assert text.index("Garage Smit") < text.index("Kapsalon Knip") < text.index(world.company.name)
    assert "Drukkerij Pers" not in text and world.other_company.name not in text
    assert "1 escalated incident is open." in text
    assert reverse("meeting_new", args=[learners["at_risk"].pk]) in text  # plan a meeting from the signal


def test_a_planned_meeting_shows_and_replaces_the_offer(client, world, learners):
    meeting = meeting_at(learners["at_risk"], in_days(5))
    client.force_login(world.supervisor)
    text = client.get(CASELOAD).content.decode()
    assert reverse("meeting_detail", args=[meeting.pk]) in text
    assert reverse("meeting_new", args=[learners["at_risk"].pk]) not in text


def test_a_colleague_sees_only_their_own(world, learners):
    assert [row.placement_id for row in caseload(world.colleague_teacher)] == [learners["colleagues"].pk]
    assert list(caseload(world.other_teacher)) == [] or all(
        row.placement.school_id == world.other_school.pk for row in caseload(world.other_teacher)
    )


@pytest.mark.parametrize("role", ["learner", "mentor", "coordinator", "company_admin", "outsider", "nobody", "staff"])
def test_others_are_refused(client, world, learners, role):
    client.force_login(getattr(world, role))
    assert client.get(CASELOAD).status_code == 403


def test_the_dashboard_links_to_it(client, world, learners):
    client.force_login(world.supervisor)
    assert CASELOAD in client.get(reverse("dashboard")).content.decode()


def test_the_caseload_costs_the_same_for_3_and_for_12_learners(client, world, learners, django_assert_max_num_queries):
    client.force_login(world.supervisor)
    client.get(CASELOAD)
    for n in range(9):
        placement = healthy_placement(world, company=CompanyFactory(name=f"Bedrijf {n}"), supervisor=world.supervisor)
        meeting_at(placement, in_days(3))
    refresh_all()
    with django_assert_max_num_queries(14):
        assert client.get(CASELOAD).status_code == 200
