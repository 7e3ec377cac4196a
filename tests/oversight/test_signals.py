"""Each signal on its own: a healthy placement broken in one way shows exactly that reason, at its level."""

import pytest
from django.utils import translation

from oversight.health.compute import compute
from oversight.health.selectors import reasons
from oversight.models import HealthLevel, PlacementHealth
from tests.oversight.factories_health import BREAKS, healthy_placement


def health_of(placement) -> PlacementHealth:
    compute([placement.pk])
    return PlacementHealth.objects.select_related("placement__mentor").get(placement=placement)


def test_a_healthy_placement_is_on_track(world):
    health = health_of(healthy_placement(world))
    assert health.level == HealthLevel.ON_TRACK
    assert health.details == {}
    assert health.signal_count == 0


@pytest.mark.parametrize("case", BREAKS)
def test_one_broken_thing_shows_exactly_its_reason(world, case):
    code, breaks, level, text = BREAKS[case]
    placement = healthy_placement(world)
    breaks(placement)
    health = health_of(placement)
    assert list(health.details) == [code]
    assert getattr(health, code) is True
    assert health.signal_count == 1
    assert health.level == level
    with translation.override("en"):
        shown = reasons(health)
    assert len(shown) == 1
    assert text in shown[0].text, shown[0].text
    assert shown[0].url.startswith("/")
