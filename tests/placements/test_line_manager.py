"""The "mentor is the line manager" flag: the school or the company sets it; mentor and learner see the risks."""

import pytest
from django.urls import reverse

from placements.line_manager.risks import RISKS
from tests.cast import EVERYONE

SEES = {"learner", "mentor", "supervisor", "colleague_teacher", "coordinator", "company_admin", "staff"}
SETS = {"supervisor", "coordinator", "company_admin", "staff"}
FIRST_RISK = str(RISKS[0])


@pytest.mark.parametrize("who", EVERYONE)
def test_who_may_set_the_flag(client, world, who):
    client.force_login(getattr(world, who))
    url = reverse("placement_line_manager", args=[world.placement.pk])
    expected = 200 if who in SETS else 403 if who in SEES else 404
    assert client.get(url).status_code == expected
    response = client.post(url, {"mentor_is_line_manager": "on"})
    assert response.status_code == (302 if who in SETS else expected)
    world.placement.refresh_from_db()
    assert world.placement.mentor_is_line_manager == (who in SETS)


@pytest.mark.parametrize("who", ["mentor", "learner"])
def test_mentor_and_learner_see_the_risks_only_when_set(client, world, who):
    client.force_login(getattr(world, who))
    url = reverse("placement_detail", args=[world.placement.pk])
    assert FIRST_RISK not in client.get(url).content.decode()
    world.placement.mentor_is_line_manager = True
    world.placement.save(update_fields=["mentor_is_line_manager"])
    page = client.get(url).content.decode()
    for risk in RISKS:
        assert str(risk) in page
    assert reverse("placement_line_manager", args=[world.placement.pk]) not in page  # they cannot change it


def test_the_company_admin_sets_it_and_can_unset_it(client, world):
    client.force_login(world.company_admin)
    url = reverse("placement_line_manager", args=[world.placement.pk])
    client.post(url, {"mentor_is_line_manager": "on"})
    world.placement.refresh_from_db()
    assert world.placement.mentor_is_line_manager
    assert url in client.get(reverse("placement_detail", args=[world.placement.pk])).content.decode()
    client.post(url, {})
    world.placement.refresh_from_db()
    assert not world.placement.mentor_is_line_manager
