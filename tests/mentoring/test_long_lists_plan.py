"""A coaching plan kept for years: its goals, milestones and versions are each paged, say where in the list the page
is, keep the other lists' pages, and cost the same number of queries for a handful as for hundreds; the forms on a
later page come back to it."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.models import Milestone, PlanVersion
from mentoring.plans.services import plan_for_placement
from mentoring.plans.views import GOALS_PER_PAGE, MILESTONES_PER_PAGE, VERSIONS_PER_PAGE
from tests.cast import COACHING_VIEWERS, EVERYONE

from .test_long_lists_board import add_goals


def add_milestones(world, count):
    plan = plan_for_placement(world.placement)
    start = world.placement.start_date
    Milestone.objects.bulk_create(
        Milestone(plan=plan, title=f"Milestone {n:03d}", due_date=start + timedelta(days=n)) for n in range(count)
    )


def add_versions(world, count):
    plan = plan_for_placement(world.placement)
    PlanVersion.objects.bulk_create(
        PlanVersion(
            plan=plan,
            number=n,
            snapshot={"goals": []},
            submitted_by=world.mentor,
            submitted_at=timezone.now(),
            decision=PlanVersion.Decision.SUPERSEDED,
        )
        for n in range(1, count + 1)
    )


def titles(html, kind):
    return re.findall(rf"({kind} \d+)", html)


def goal_titles(html):
    return re.findall(r'<h3 id="goal-\d+" class="h6 mb-1">(Goal \d+)</h3>', html)


def version_numbers(html):
    return [int(n) for n in re.findall(r'/plan/versions/(\d+)/">Version', html)]


def test_the_plan_page_shows_a_page_of_each_list_in_fixed_queries(client, world, django_assert_max_num_queries):
    client.force_login(world.mentor)
    url = reverse("mentoring_plan", args=[world.placement.pk])
    add_goals(world, 3)
    add_milestones(world, 3)
    add_versions(world, 3)
    # user, roles, placement, plan; per list a count and a page; the competencies; the latest version
    with django_assert_max_num_queries(12) as few:
        html = client.get(url).text
    assert goal_titles(html) == ["Goal 00", "Goal 01", "Goal 02"]
    assert "goals=2" not in html and "Pages of learning goals" not in html

    add_goals(world, 300)
    add_milestones(world, 300)
    PlanVersion.objects.all().delete()
    add_versions(world, 303)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(url).text
    assert len(goal_titles(html)) == GOALS_PER_PAGE
    assert len(titles(html, "Milestone")) == MILESTONES_PER_PAGE
    assert version_numbers(html) == list(range(303, 303 - VERSIONS_PER_PAGE, -1))  # the newest first
    assert f"1–{GOALS_PER_PAGE} of 303" in html
    assert f"1–{MILESTONES_PER_PAGE} of 303" in html
    assert f"1–{VERSIONS_PER_PAGE} of 303" in html
    for param in ("goals", "milestones", "versions"):
        assert f"?{param}=2" in html


def test_a_later_page_of_one_list_keeps_the_pages_of_the_others(client, world):
    add_goals(world, 3 * GOALS_PER_PAGE)
    add_milestones(world, 3 * MILESTONES_PER_PAGE)
    add_versions(world, 3 * VERSIONS_PER_PAGE)
    client.force_login(world.supervisor)
    url = reverse("mentoring_plan", args=[world.placement.pk])
    html = client.get(url, {"goals": 2, "milestones": 3}).text
    assert goal_titles(html) == [f"Goal {n:02d}" for n in range(GOALS_PER_PAGE, 2 * GOALS_PER_PAGE)]
    assert titles(html, "Milestone")[0] == f"Milestone {2 * MILESTONES_PER_PAGE:03d}"
    assert f"{GOALS_PER_PAGE + 1}–{2 * GOALS_PER_PAGE} of {3 * GOALS_PER_PAGE}" in html
    assert "?goals=2&amp;milestones=3&amp;versions=2" in html
    assert "?milestones=3&amp;goals=3" in html
    # A bad number is the first page, a number past the end the last: never an error.
    assert goal_titles(client.get(url, {"goals": "x"}).text)[0] == "Goal 00"
    assert goal_titles(client.get(url, {"goals": 99}).text)[0] == f"Goal {2 * GOALS_PER_PAGE:02d}"


def test_the_latest_version_still_heads_the_page_when_the_versions_are_leafed_through(client, world):
    add_goals(world, 1)
    add_versions(world, 2 * VERSIONS_PER_PAGE)
    latest = PlanVersion.objects.get(number=2 * VERSIONS_PER_PAGE)
    latest.decision = PlanVersion.Decision.CHANGES_REQUESTED
    latest.decision_comment = "Make the second goal measurable."
    latest.decided_by = world.supervisor
    latest.decided_at = timezone.now()
    latest.save()
    client.force_login(world.mentor)
    html = client.get(reverse("mentoring_plan", args=[world.placement.pk]), {"versions": 2}).text
    assert version_numbers(html) == list(range(VERSIONS_PER_PAGE, 0, -1))
    assert "Make the second goal measurable." in html


def test_progress_and_milestones_updated_on_a_later_page_come_back_to_it(client, world):
    add_goals(world, 2 * GOALS_PER_PAGE)
    add_milestones(world, 2 * MILESTONES_PER_PAGE)
    client.force_login(world.mentor)
    url = reverse("mentoring_plan", args=[world.placement.pk])
    html = client.get(url, {"goals": 2, "milestones": 2}).text
    goal = plan_for_placement(world.placement).goals.get(title=f"Goal {GOALS_PER_PAGE:02d}")
    track = reverse("mentoring_goal_track", args=[world.placement.pk, goal.pk]) + "?goals=2&milestones=2"
    assert track.replace("&", "&amp;") in html
    fields = {f"goal{goal.pk}-status": "at_risk", f"goal{goal.pk}-next_review": ""}
    response = client.post(track, {**fields, f"goal{goal.pk}-progress": 40})
    assert response.status_code == 302 and response.url == url + "?goals=2&milestones=2"

    # A refused update shows the goal's form with its error on the page it was sent from.
    response = client.post(track, {**fields, f"goal{goal.pk}-progress": 150})
    assert response.status_code == 400
    assert goal_titles(response.text)[0] == f"Goal {GOALS_PER_PAGE:02d}"
    assert response.context["goals"][0].tracking_form.errors

    milestone = Milestone.objects.get(title=f"Milestone {MILESTONES_PER_PAGE:03d}")
    update = reverse("mentoring_milestone_update", args=[world.placement.pk, milestone.pk]) + "?goals=2&milestones=2"
    assert update.replace("&", "&amp;") in html
    response = client.post(update, {"action": "reached"})
    assert response.status_code == 302 and response.url == url + "?goals=2&milestones=2"


def test_each_goal_links_to_its_sessions_on_the_timeline(client, world):
    add_goals(world, 1)
    goal = plan_for_placement(world.placement).goals.get()
    client.force_login(world.learner)
    html = client.get(reverse("mentoring_plan", args=[world.placement.pk])).text
    timeline = reverse("mentoring_sessions", args=[world.placement.pk])
    assert f'href="{timeline}?goal={goal.pk}">Sessions on this goal' in html


@pytest.mark.parametrize("who", EVERYONE)
def test_a_later_page_of_the_plan_is_still_for_those_who_see_the_coaching(client, world, who):
    add_goals(world, GOALS_PER_PAGE + 1)
    client.force_login(getattr(world, who))
    response = client.get(reverse("mentoring_plan", args=[world.placement.pk]), {"goals": 2})
    assert response.status_code == (200 if who in COACHING_VIEWERS else 404)
    if response.status_code == 200:
        assert goal_titles(response.text) == [f"Goal {GOALS_PER_PAGE:02d}"]


def test_the_plan_pages_read_in_dutch(client, world, settings):
    add_goals(world, GOALS_PER_PAGE + 1)
    add_milestones(world, MILESTONES_PER_PAGE + 1)
    add_versions(world, VERSIONS_PER_PAGE + 1)
    client.force_login(world.mentor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    html = client.get(reverse("mentoring_plan", args=[world.placement.pk])).text
    assert 'aria-label="Pagina\'s met leerdoelen"' in html
    assert 'aria-label="Pagina\'s met mijlpalen"' in html
    assert 'aria-label="Pagina\'s met versies"' in html
    assert "Gesprekken over dit doel" in html
