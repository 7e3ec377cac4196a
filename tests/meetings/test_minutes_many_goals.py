"""A plan with hundreds of open goals: the minutes form asks for progress on the first few in the plan's order and
says how many there are, in the same number of queries; a goal the minutes report on, or written about before a form
error, stays on the form wherever it is in the plan."""

import re

from django.urls import reverse

from meetings.minutes.selectors import GOALS_IN_MINUTES
from meetings.models import GoalProgress
from mentoring.models import LearningGoal

from .factories_meetings import held_meeting, make_goals
from .factories_minutes import form_data, write_minutes


def goal_labels(html):
    return re.findall(r'<label\s+for="id_goal_\d+"[^>]*>\s*(Goal \d+)', html)


def test_the_form_asks_for_the_first_open_goals_in_fixed_queries(client, world, django_assert_max_num_queries):
    meeting = held_meeting(world)
    client.force_login(world.mentor)
    url = reverse("minutes_edit", args=[meeting.pk])
    make_goals(world, titles=[f"Goal {n:03d}" for n in range(3)])
    with django_assert_max_num_queries(20) as few:
        html = client.get(url).text
    assert goal_labels(html) == ["Goal 000", "Goal 001", "Goal 002"]
    assert "open learning goals, in the order" not in html

    LearningGoal.objects.all().delete()
    make_goals(world, titles=[f"Goal {n:03d}" for n in range(300)])
    LearningGoal.objects.filter(title="Goal 000").update(status=LearningGoal.Status.ACHIEVED)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(url).text
    assert goal_labels(html) == [f"Goal {n:03d}" for n in range(1, GOALS_IN_MINUTES + 1)]
    assert f"Showing the first {GOALS_IN_MINUTES} of 299 open learning goals, in the order" in html


def test_a_goal_past_the_first_few_stays_when_reported_on_or_written_about(client, world):
    goals = make_goals(world, titles=[f"Goal {n:03d}" for n in range(GOALS_IN_MINUTES + 10)])
    late, later = goals[-2], goals[-1]
    meeting = held_meeting(world)
    write_minutes(world, meeting, goals=[late])
    client.force_login(world.mentor)
    url = reverse("minutes_edit", args=[meeting.pk])
    html = client.get(url).text
    assert late.title in goal_labels(html) and later.title not in goal_labels(html)

    # Written about in a form sent with an error: it comes back with what was written.
    response = client.post(url, form_data(summary="", **{f"goal_{later.pk}": "Shapes well now."}))
    assert response.status_code == 200 and "summary" in response.context["form"].errors
    assert later.title in goal_labels(response.text) and "Shapes well now." in response.text
    response = client.post(url, form_data(**{f"goal_{later.pk}": "Shapes well now.", f"goal_{late.pk}": "Fine."}))
    assert response.status_code == 302
    assert dict(GoalProgress.objects.values_list("goal__title", "note")) == {
        late.title: "Fine.",
        later.title: "Shapes well now.",
    }


def test_the_cap_reads_in_dutch(client, world, settings):
    make_goals(world, titles=[f"Goal {n:03d}" for n in range(GOALS_IN_MINUTES + 1)])
    meeting = held_meeting(world)
    client.force_login(world.supervisor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    html = client.get(reverse("minutes_edit", args=[meeting.pk])).text
    assert f"De eerste {GOALS_IN_MINUTES} van {GOALS_IN_MINUTES + 1} openstaande leerdoelen" in html
