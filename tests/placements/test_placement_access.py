"""Who may see and change a placement: every page, every role."""

import pytest
from django.urls import reverse

from tests.cast import EVERYONE

SEES = {"learner", "mentor", "supervisor", "colleague_teacher", "coordinator", "company_admin", "staff"}
MANAGES = {"supervisor", "coordinator", "staff"}


def expected_read(who):
    return 200 if who in SEES else 404


def expected_write(who):
    if who in MANAGES:
        return 200
    return 403 if who in SEES else 404


@pytest.mark.parametrize("who", EVERYONE)
def test_detail_page_is_shown_only_to_people_involved(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("placement_detail", args=[world.placement.pk]))
    assert response.status_code == expected_read(who)
    if response.status_code == 200:
        assert "Daan Jansen" in response.text


@pytest.mark.parametrize("who", EVERYONE)
def test_list_page_lists_only_visible_placements(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("placement_list"))
    assert response.status_code == 200
    listed = [p.pk for p in response.context["page"].object_list]
    assert (world.placement.pk in listed) == (who in SEES)


@pytest.mark.parametrize("who", EVERYONE)
def test_edit_page_is_for_coordinators_the_supervisor_and_staff(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("placement_edit", args=[world.placement.pk]))
    assert response.status_code == expected_write(who)


@pytest.mark.parametrize("who", EVERYONE)
def test_status_change_is_for_coordinators_the_supervisor_and_staff(client, world, who):
    client.force_login(getattr(world, who))
    response = client.post(reverse("placement_status", args=[world.placement.pk]), {"status-status": "completed"})
    expected = expected_write(who)
    assert response.status_code == (302 if expected == 200 else expected)
    world.placement.refresh_from_db()
    assert (world.placement.status == "completed") == (expected == 200)


@pytest.mark.parametrize("who", EVERYONE)
def test_new_placement_page_is_for_school_staff(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("placement_new"))
    allowed = {"supervisor", "colleague_teacher", "other_teacher", "coordinator", "other_coordinator", "staff"}
    assert response.status_code == (200 if allowed.__contains__(who) else 403)


@pytest.mark.parametrize("url_name", ["placement_list", "placement_new", "dashboard", "my_account"])
def test_anonymous_visitors_are_sent_to_login(client, db, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_anonymous_visitor_cannot_see_a_placement(client, world):
    response = client.get(reverse("placement_detail", args=[world.placement.pk]))
    assert response.status_code == 302


def test_unknown_placement_is_404_for_staff(client, world):
    client.force_login(world.staff)
    assert client.get(reverse("placement_detail", args=[999999])).status_code == 404


def test_teacher_of_another_school_cannot_place_a_learner_of_this_school(client, world):
    client.force_login(world.other_teacher)
    response = client.get(reverse("placement_new"))
    assert world.other_learner not in response.context["form"].fields["learner"].queryset
