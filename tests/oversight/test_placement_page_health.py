"""The placement's own page shows its health and reasons to those who look after it, never to the learner."""

import pytest
from django.urls import reverse

from oversight.health.compute import refresh_all
from tests.oversight.factories_health import BREAKS, healthy_placement


@pytest.fixture
def troubled(world):
    healthy_placement(world, placement=world.placement)
    BREAKS["incident escalated"][1](world.placement)
    BREAKS["agreement"][1](world.placement)
    refresh_all()
    return world


def page(client, user, placement):
    client.force_login(user)
    response = client.get(reverse("placement_detail", args=[placement.pk]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("role", ["mentor", "supervisor", "coordinator", "staff"])
def test_those_who_look_after_the_placement_see_every_reason(client, troubled, role):
    text = page(client, getattr(troubled, role), troubled.placement)
    assert 'id="health-heading"' in text and "at risk" in text
    assert 'data-signal="incident"' in text and 'data-signal="agreement"' in text


def test_the_company_admin_sees_only_the_shared_signals(client, troubled):
    text = page(client, troubled.company_admin, troubled.placement)
    assert 'data-signal="agreement"' in text
    assert 'data-signal="incident"' not in text


def test_the_learner_sees_no_health(client, troubled):
    assert 'id="health-heading"' not in page(client, troubled.learner, troubled.placement)


def test_nothing_shows_before_the_first_computation(client, world):
    assert 'id="health-heading"' not in page(client, world.coordinator, world.placement)
