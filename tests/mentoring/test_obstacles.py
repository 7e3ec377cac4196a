"""The obstacle log: three sides, how to overcome, support needed, status; and the common-obstacles panel."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mentoring.models import Obstacle
from mentoring.obstacles.selectors import open_obstacles
from mentoring.obstacles.views import OBSTACLES_PER_COLUMN

from .test_obstacles_access import make_obstacle


def obstacles_page(client, world):
    return client.get(reverse("mentoring_obstacles", args=[world.placement.pk]))


def test_obstacles_are_grouped_by_mentor_learner_and_environment(client, world):
    make_obstacle(world, side="mentor", description="Little time on Mondays")
    make_obstacle(world, side="learner", description="Shy in front of customers")
    make_obstacle(world, side="environment", description="Night shifts in the bakery")
    client.force_login(world.learner)
    columns = {
        side: [o.description for o in items] for side, _, items in obstacles_page(client, world).context["columns"]
    }
    assert columns == {
        "mentor": ["Little time on Mondays"],
        "learner": ["Shy in front of customers"],
        "environment": ["Night shifts in the bakery"],
    }


def test_the_learner_adds_an_obstacle_with_how_to_overcome_it_and_support_needed(client, world):
    client.force_login(world.learner)
    response = client.post(
        reverse("mentoring_obstacle_new", args=[world.placement.pk]),
        {
            "side": "learner",
            "description": "  Afraid to make mistakes at the oven  ",
            "how_to_overcome": "Practise with the mentor first",
            "support_needed": "Ten minutes of extra time per batch",
        },
    )
    assert response.status_code == 302
    obstacle = Obstacle.objects.get(placement=world.placement)
    assert obstacle.description == "Afraid to make mistakes at the oven"
    assert obstacle.status == Obstacle.Status.OPEN
    assert obstacle.created_by == world.learner
    page = obstacles_page(client, world).text
    assert "Practise with the mentor first" in page
    assert "Ten minutes of extra time per batch" in page


def test_an_obstacle_without_description_is_refused_on_the_form(client, world):
    client.force_login(world.mentor)
    response = client.post(reverse("mentoring_obstacle_new", args=[world.placement.pk]), {"side": "learner"})
    assert response.status_code == 200
    assert response.context["form"].errors["description"]
    assert not Obstacle.objects.exists()


def test_an_unknown_side_is_refused_on_the_form(client, world):
    client.force_login(world.mentor)
    response = client.post(
        reverse("mentoring_obstacle_new", args=[world.placement.pk]), {"side": "moon", "description": "x"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["side"]


def test_the_side_link_of_a_column_preselects_that_side(client, world):
    client.force_login(world.mentor)
    response = client.get(reverse("mentoring_obstacle_new", args=[world.placement.pk]) + "?side=environment")
    assert response.context["form"]["side"].value() == "environment"
    assert "status" not in response.context["form"].fields


def test_the_supervisor_moves_an_obstacle_to_being_worked_on_and_then_overcome(client, world):
    obstacle = make_obstacle(world)
    client.force_login(world.supervisor)
    url = reverse("mentoring_obstacle_edit", args=[world.placement.pk, obstacle.pk])
    for status in ("in_progress", "overcome"):
        response = client.post(url, {"side": "learner", "description": obstacle.description, "status": status})
        assert response.status_code == 302
        obstacle.refresh_from_db()
        assert obstacle.status == status
    assert "Overcome" in obstacles_page(client, world).text


def test_the_page_shows_common_obstacles_as_help(client, world):
    client.force_login(world.mentor)
    page = obstacles_page(client, world).text
    for text in (
        "poor match",
        "support from higher management",
        "not chosen to mentor",
        "Unrealistic expectations",
        "roles of manager and mentor",
    ):
        assert text in page


def test_only_writers_see_the_add_and_edit_links(client, world):
    obstacle = make_obstacle(world)
    edit_url = reverse("mentoring_obstacle_edit", args=[world.placement.pk, obstacle.pk])
    client.force_login(world.colleague_teacher)
    assert edit_url not in obstacles_page(client, world).text
    client.force_login(world.learner)
    assert edit_url in obstacles_page(client, world).text


def test_open_obstacles_leaves_out_the_overcome_ones(world):
    open_one = make_obstacle(world, description="open")
    worked_on = make_obstacle(world, description="worked on", status="in_progress")
    make_obstacle(world, description="done", status="overcome")
    assert set(open_obstacles(world.placement)) == {open_one, worked_on}


def test_obstacle_page_needs_the_same_queries_for_one_or_fifty_obstacles(client, world, django_assert_max_num_queries):
    client.force_login(world.mentor)
    for side in Obstacle.Side.values:  # one in each column: each column's count and page are queried
        make_obstacle(world, side=side)
    with CaptureQueriesContext(connection) as one:
        obstacles_page(client, world)
    authors = [world.mentor, world.learner, world.supervisor]
    sides = Obstacle.Side.values
    Obstacle.objects.bulk_create(
        Obstacle(placement=world.placement, side=sides[i % 3], description=f"Obstacle {i}", created_by=authors[i % 3])
        for i in range(47)
    )
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = obstacles_page(client, world)
    assert sum(items.paginator.count for _, _, items in response.context["columns"]) == 50
    assert [len(items) for _, _, items in response.context["columns"]] == [OBSTACLES_PER_COLUMN] * 3
    assert len(one.captured_queries) <= 9
