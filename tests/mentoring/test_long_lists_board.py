"""A placement with years of history: the obstacle board, the incident list and the progress page show a page or
the first few of their lists, in the same number of queries for 3 rows as for 60, with the way to the rest."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.models import Incident, LearningGoal, Obstacle
from mentoring.obstacles.views import INCIDENTS_PER_PAGE, OBSTACLES_PER_COLUMN
from mentoring.plans.services import plan_for_placement
from mentoring.progress.views import GOALS_SHOWN, OBSTACLES_SHOWN
from tests.cast import COACHING_VIEWERS, EVERYONE

from .test_incidents_access import SEES as SEES_INCIDENTS

SIDES = Obstacle.Side.values


def add_obstacles(world, count, *, side, status=Obstacle.Status.OPEN):
    """`count` obstacles on one side, numbered in the order they were added (a higher number is newer)."""
    Obstacle.objects.bulk_create(
        Obstacle(
            placement=world.placement, side=side, status=status, description=f"{side} {n:02d}", created_by=world.mentor
        )
        for n in range(count)
    )


def add_incidents(world, count):
    """Incident 00 happened yesterday, each next one a day earlier."""
    yesterday = timezone.localdate() - timedelta(days=1)
    Incident.objects.bulk_create(
        Incident(
            placement=world.placement,
            category=Incident.Category.LATENESS,
            occurred_on=yesterday - timedelta(days=n),
            description=f"Incident {n:02d}",
            reported_by=world.mentor,
        )
        for n in range(count)
    )


def add_goals(world, count):
    plan = plan_for_placement(world.placement)
    LearningGoal.objects.bulk_create(
        LearningGoal(
            plan=plan,
            title=f"Goal {n:02d}",
            success_measure="Shown to the mentor",
            target_date=world.placement.end_date,
            position=n,
        )
        for n in range(count)
    )


def column(response, side):
    return next(obstacles for column_side, _label, obstacles in response.context["columns"] if column_side == side)


def descriptions(rows):
    return [row.description for row in rows]


# --- The obstacle board ------------------------------------------------------------------------------------


def test_each_column_of_the_obstacle_board_shows_a_page_in_fixed_queries(client, world, django_assert_max_num_queries):
    client.force_login(world.mentor)
    url = reverse("mentoring_obstacles", args=[world.placement.pk])
    for side in SIDES:  # 3 obstacles
        add_obstacles(world, 1, side=side)
    with django_assert_max_num_queries(9) as few:  # user, roles, placement; per column its count and its page
        client.get(url)
    Obstacle.objects.all().delete()
    for side in SIDES:  # 60 obstacles
        add_obstacles(world, 20, side=side)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    for side in SIDES:
        assert descriptions(column(response, side)) == [f"{side} {n:02d}" for n in range(19, 9, -1)]  # newest first
        assert column(response, side).paginator.count == 20
    assert "mentor_page=2" in response.text and "learner_page=2" in response.text


def test_page_two_of_a_column_shows_its_older_obstacles_and_keeps_the_other_columns(client, world):
    for side in SIDES:
        add_obstacles(world, 2 * OBSTACLES_PER_COLUMN, side=side)
    client.force_login(world.learner)
    url = reverse("mentoring_obstacles", args=[world.placement.pk])
    response = client.get(url, {"mentor_page": 2, "learner_page": 2})
    assert descriptions(column(response, "mentor")) == [f"mentor {n:02d}" for n in range(9, -1, -1)]
    assert descriptions(column(response, "learner")) == [f"learner {n:02d}" for n in range(9, -1, -1)]
    assert descriptions(column(response, "environment"))[0] == "environment 19"
    # Leafing through the environment column keeps the mentor's and the learner's at page two.
    assert "?mentor_page=2&amp;learner_page=2&amp;environment_page=2" in response.text
    # A bad number is the first page, a number past the end the last: never an error.
    assert descriptions(column(client.get(url, {"mentor_page": "x"}), "mentor"))[0] == "mentor 19"
    assert descriptions(column(client.get(url, {"mentor_page": 99}), "mentor"))[0] == "mentor 09"


@pytest.mark.parametrize("who", EVERYONE)
def test_a_later_page_of_the_obstacle_board_is_still_for_those_who_see_the_coaching(client, world, who):
    add_obstacles(world, 2 * OBSTACLES_PER_COLUMN, side="mentor")
    client.force_login(getattr(world, who))
    response = client.get(reverse("mentoring_obstacles", args=[world.placement.pk]), {"mentor_page": 2})
    assert response.status_code == (200 if who in COACHING_VIEWERS else 404)
    if response.status_code == 200:
        assert descriptions(column(response, "mentor"))[0] == "mentor 09"


# --- The incident list -------------------------------------------------------------------------------------


def test_the_incident_list_shows_a_page_in_fixed_queries(client, world, django_assert_max_num_queries):
    client.force_login(world.supervisor)
    url = reverse("mentoring_incidents", args=[world.placement.pk])
    add_incidents(world, 3)
    with django_assert_max_num_queries(5) as few:  # user, roles, placement, the count, the page
        response = client.get(url)
    assert descriptions(response.context["incidents"]) == ["Incident 00", "Incident 01", "Incident 02"]
    assert "page=2" not in response.text
    Incident.objects.all().delete()
    add_incidents(world, 60)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert descriptions(response.context["incidents"]) == [f"Incident {n:02d}" for n in range(INCIDENTS_PER_PAGE)]
    assert "Page 1 of 3" in response.text


def test_page_two_of_the_incident_list_shows_the_older_incidents(client, world):
    add_incidents(world, 60)
    client.force_login(world.mentor)
    response = client.get(reverse("mentoring_incidents", args=[world.placement.pk]), {"page": 2})
    shown = descriptions(response.context["incidents"])
    assert shown == [f"Incident {n:02d}" for n in range(INCIDENTS_PER_PAGE, 2 * INCIDENTS_PER_PAGE)]
    assert "?page=1" in response.text and "?page=3" in response.text


@pytest.mark.parametrize("who", EVERYONE)
def test_a_later_page_of_incidents_is_still_only_for_the_mentor_and_the_school(client, world, who):
    add_incidents(world, 2 * INCIDENTS_PER_PAGE)
    client.force_login(getattr(world, who))
    response = client.get(reverse("mentoring_incidents", args=[world.placement.pk]), {"page": 2})
    assert response.status_code == (200 if who in SEES_INCIDENTS else 404)
    if response.status_code == 200:
        assert descriptions(response.context["incidents"])[0] == f"Incident {INCIDENTS_PER_PAGE:02d}"


# --- The progress page: goals and open obstacles -----------------------------------------------------------


def test_the_progress_page_lists_the_first_goals_and_obstacles_and_counts_them_all_in_fixed_queries(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.mentor)
    url = reverse("mentoring_progress", args=[world.placement.pk])
    add_goals(world, 3)
    add_obstacles(world, 3, side="learner")
    with django_assert_max_num_queries(13) as few:
        response = client.get(url)
    assert [goal.title for goal in response.context["goals"]] == ["Goal 00", "Goal 01", "Goal 02"]
    assert "Showing" not in response.text

    LearningGoal.objects.all().delete()
    Obstacle.objects.all().delete()
    add_goals(world, 60)
    add_obstacles(world, 60, side="learner")
    add_obstacles(world, 5, side="mentor", status=Obstacle.Status.OVERCOME)  # not open: neither shown nor counted
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert [goal.title for goal in response.context["goals"]] == [f"Goal {n:02d}" for n in range(GOALS_SHOWN)]
    assert descriptions(response.context["obstacles"]) == [
        f"learner {n:02d}" for n in range(59, 59 - OBSTACLES_SHOWN, -1)
    ]
    assert f"Showing {GOALS_SHOWN} of 60 learning goals." in response.text
    assert f"Showing {OBSTACLES_SHOWN} of 60 open obstacles." in response.text
    assert (
        f'href="{reverse("mentoring_plan", args=[world.placement.pk])}">See all in the coaching plan' in response.text
    )
    board = reverse("mentoring_obstacles", args=[world.placement.pk])
    assert f'href="{board}">See all on the obstacle board' in response.text


@pytest.mark.parametrize("who", EVERYONE)
def test_the_capped_progress_page_is_still_for_those_who_see_the_coaching(client, world, who):
    add_goals(world, GOALS_SHOWN + 1)
    client.force_login(getattr(world, who))
    response = client.get(reverse("mentoring_progress", args=[world.placement.pk]))
    assert response.status_code == (200 if who in COACHING_VIEWERS else 404)
    if response.status_code == 200:
        assert f"Showing {GOALS_SHOWN} of {GOALS_SHOWN + 1} learning goals." in response.text


def test_the_caps_and_the_column_pages_read_in_dutch(client, world, settings):
    add_goals(world, GOALS_SHOWN + 1)
    add_obstacles(world, OBSTACLES_PER_COLUMN + 1, side="mentor")
    client.force_login(world.mentor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    progress = client.get(reverse("mentoring_progress", args=[world.placement.pk])).text
    assert f"{GOALS_SHOWN} van {GOALS_SHOWN + 1} leerdoelen getoond." in progress
    assert "Alle bekijken in het coachingsplan" in progress
    assert f"{OBSTACLES_SHOWN} van {OBSTACLES_PER_COLUMN + 1} openstaande belemmeringen getoond." in progress
    assert "Alle bekijken bij de belemmeringen" in progress
    board = client.get(reverse("mentoring_obstacles", args=[world.placement.pk])).text
    assert 'aria-label="Pagina\'s met belemmeringen (werkmentor)"' in board
