"""Who may see and keep a placement's obstacle log: every endpoint, every role."""

import pytest
from django.urls import reverse

from mentoring.models import Obstacle
from tests.cast import COACHING_VIEWERS, EVERYONE
from tests.factories import CompanyFactory, SchoolFactory, make_placement

SEES = COACHING_VIEWERS
WRITES = {"learner", "mentor", "supervisor", "coordinator", "staff"}


def expected_write(who):
    if who in WRITES:
        return 200
    return 403 if who in SEES else 404


def make_obstacle(world, **kwargs):
    kwargs.setdefault("side", Obstacle.Side.LEARNER)
    kwargs.setdefault("description", "Finds it hard to ask questions")
    return Obstacle.objects.create(
        placement=kwargs.pop("placement", world.placement), created_by=world.mentor, **kwargs
    )


@pytest.mark.parametrize("who", EVERYONE)
def test_obstacle_page_is_for_those_who_see_the_coaching(client, world, who):
    make_obstacle(world)
    client.force_login(getattr(world, who))
    response = client.get(reverse("mentoring_obstacles", args=[world.placement.pk]))
    assert response.status_code == (200 if who in SEES else 404)
    if response.status_code == 200:
        assert "Finds it hard to ask questions" in response.text


@pytest.mark.parametrize("who", EVERYONE)
def test_new_obstacle_page_is_for_learner_mentor_and_supervisor(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("mentoring_obstacle_new", args=[world.placement.pk]))
    assert response.status_code == expected_write(who)


@pytest.mark.parametrize("who", EVERYONE)
def test_adding_an_obstacle_is_for_learner_mentor_and_supervisor(client, world, who):
    client.force_login(getattr(world, who))
    response = client.post(
        reverse("mentoring_obstacle_new", args=[world.placement.pk]),
        {"side": "environment", "description": "No quiet place to talk", "how_to_overcome": "Book the office"},
    )
    expected = expected_write(who)
    assert response.status_code == (302 if expected == 200 else expected)
    assert Obstacle.objects.filter(placement=world.placement).exists() == (expected == 200)


@pytest.mark.parametrize("who", EVERYONE)
def test_edit_obstacle_page_is_for_learner_mentor_and_supervisor(client, world, who):
    obstacle = make_obstacle(world)
    client.force_login(getattr(world, who))
    response = client.get(reverse("mentoring_obstacle_edit", args=[world.placement.pk, obstacle.pk]))
    assert response.status_code == expected_write(who)


@pytest.mark.parametrize("who", EVERYONE)
def test_changing_an_obstacle_is_for_learner_mentor_and_supervisor(client, world, who):
    obstacle = make_obstacle(world)
    client.force_login(getattr(world, who))
    response = client.post(
        reverse("mentoring_obstacle_edit", args=[world.placement.pk, obstacle.pk]),
        {"side": "learner", "description": obstacle.description, "status": "overcome"},
    )
    expected = expected_write(who)
    assert response.status_code == (302 if expected == 200 else expected)
    obstacle.refresh_from_db()
    assert (obstacle.status == Obstacle.Status.OVERCOME) == (expected == 200)


def test_colleague_teacher_is_told_why_writing_is_refused(client, world):
    client.force_login(world.colleague_teacher)
    response = client.get(reverse("mentoring_obstacle_new", args=[world.placement.pk]))
    assert response.status_code == 403
    assert "obstacle log" in response.text


def test_obstacle_of_another_placement_is_404_through_this_placement(client, world):
    elsewhere = make_placement(school=SchoolFactory(), company=CompanyFactory())
    foreign = make_obstacle(world, placement=elsewhere)
    client.force_login(world.staff)
    response = client.get(reverse("mentoring_obstacle_edit", args=[world.placement.pk, foreign.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("url_name", ["mentoring_obstacles", "mentoring_obstacle_new"])
def test_anonymous_visitors_are_sent_to_login(client, world, url_name):
    response = client.get(reverse(url_name, args=[world.placement.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
