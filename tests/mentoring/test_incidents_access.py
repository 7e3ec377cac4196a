"""Incidents are for the work mentor and the school: every endpoint, every role; hidden (404) from the rest."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.models import Incident
from tests.factories import CompanyFactory, SchoolFactory, make_placement

from .test_obstacles_access import EVERYONE

SEES = {"mentor", "supervisor", "colleague_teacher", "coordinator", "staff"}
CLOSES = {"mentor", "supervisor", "coordinator", "staff"}


def make_incident(world, **kwargs):
    kwargs.setdefault("category", Incident.Category.LATENESS)
    kwargs.setdefault("occurred_on", timezone.localdate() - timedelta(days=1))
    kwargs.setdefault("description", "Came in at half past nine")
    return Incident.objects.create(
        placement=kwargs.pop("placement", world.placement), reported_by=world.mentor, **kwargs
    )


def incident_data(**changes):
    return {
        "category": "lateness",
        "occurred_on": (timezone.localdate() - timedelta(days=2)).isoformat(),
        "description": "Arrived forty minutes late without calling",
        "actions_taken": "Talked about it the same day",
        **changes,
    }


def read_status(who):
    return 200 if who in SEES else 404


@pytest.mark.parametrize("who", EVERYONE)
def test_incident_list_is_only_for_mentor_and_school(client, world, who):
    make_incident(world)
    client.force_login(getattr(world, who))
    response = client.get(reverse("mentoring_incidents", args=[world.placement.pk]))
    assert response.status_code == read_status(who)
    if response.status_code == 200:
        assert "Arriving late" in response.text


@pytest.mark.parametrize("who", EVERYONE)
def test_incident_detail_is_only_for_mentor_and_school(client, world, who):
    incident = make_incident(world)
    client.force_login(getattr(world, who))
    response = client.get(reverse("mentoring_incident_detail", args=[world.placement.pk, incident.pk]))
    assert response.status_code == read_status(who)


@pytest.mark.parametrize("who", EVERYONE)
def test_new_incident_page_is_only_for_mentor_and_school(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("mentoring_incident_new", args=[world.placement.pk]))
    assert response.status_code == read_status(who)


@pytest.mark.parametrize("who", EVERYONE)
def test_recording_an_incident_is_for_mentor_and_school(client, world, who):
    client.force_login(getattr(world, who))
    response = client.post(reverse("mentoring_incident_new", args=[world.placement.pk]), incident_data())
    assert response.status_code == (302 if who in SEES else 404)
    assert Incident.objects.filter(placement=world.placement).exists() == (who in SEES)


@pytest.mark.parametrize("who", EVERYONE)
def test_escalating_is_for_mentor_and_school(client, world, who):
    incident = make_incident(world)
    client.force_login(getattr(world, who))
    response = client.post(reverse("mentoring_incident_escalate", args=[world.placement.pk, incident.pk]))
    assert response.status_code == (302 if who in SEES else 404)
    incident.refresh_from_db()
    assert (incident.escalated_at is not None) == (who in SEES)


@pytest.mark.parametrize("who", EVERYONE)
def test_closing_is_for_mentor_supervisor_and_coordinator(client, world, who):
    incident = make_incident(world)
    client.force_login(getattr(world, who))
    response = client.post(reverse("mentoring_incident_close", args=[world.placement.pk, incident.pk]))
    expected = 302 if who in CLOSES else 403 if who in SEES else 404
    assert response.status_code == expected
    incident.refresh_from_db()
    assert (incident.status == Incident.Status.CLOSED) == (who in CLOSES)


@pytest.mark.parametrize("url_name", ["mentoring_incident_escalate", "mentoring_incident_close"])
def test_actions_refuse_get(client, world, url_name):
    incident = make_incident(world)
    client.force_login(world.mentor)
    assert client.get(reverse(url_name, args=[world.placement.pk, incident.pk])).status_code == 405


def test_incident_of_another_placement_is_404_through_this_placement(client, world):
    elsewhere = make_placement(school=SchoolFactory(), company=CompanyFactory())
    foreign = make_incident(world, placement=elsewhere)
    client.force_login(world.staff)
    response = client.get(reverse("mentoring_incident_detail", args=[world.placement.pk, foreign.pk]))
    assert response.status_code == 404


def test_the_learner_sees_no_incidents_tab_on_the_obstacle_page(client, world):
    client.force_login(world.learner)
    page = client.get(reverse("mentoring_obstacles", args=[world.placement.pk])).text
    assert reverse("mentoring_incidents", args=[world.placement.pk]) not in page
