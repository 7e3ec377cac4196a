"""A plan with hundreds of goals: the session form offers the first open ones and the timeline's filter the first
ones, each saying how many there are and where the rest are, in the same number of queries for 3 goals as for 300;
a goal ticked or chosen past the cap is still accepted and shown."""

import re

from django.urls import reverse

from mentoring.models import CoachingSession, LearningGoal
from mentoring.plans.services import plan_for_placement
from mentoring.sessions.goal_choices import GOALS_IN_FILTER, GOALS_OFFERED
from tests.factories import make_placement

from .test_long_lists_board import add_goals
from .test_sessions import session_data

ACHIEVED = LearningGoal.Status.ACHIEVED


def checkbox_titles(html):
    return re.findall(r'name="goals" value="\d+"[^>]*>\s*<label[^>]*>\s*(Goal \d+)', html)


def option_titles(html):
    return re.findall(r'<option value="\d+"[^>]*>(Goal \d+)</option>', html)


def goal(title):
    return LearningGoal.objects.get(title=title)


# --- The session form's goal checkboxes --------------------------------------------------------------------


def test_the_session_form_offers_the_first_open_goals_in_fixed_queries(client, world, django_assert_max_num_queries):
    client.force_login(world.mentor)
    url = reverse("mentoring_session_new", args=[world.placement.pk])
    add_goals(world, 3)
    with django_assert_max_num_queries(12) as few:  # the page, the open agreements, the goals and their counts
        html = client.get(url).text
    assert checkbox_titles(html) == ["Goal 00", "Goal 01", "Goal 02"]
    assert "open learning goals" not in html

    LearningGoal.objects.all().delete()
    add_goals(world, 300)
    LearningGoal.objects.filter(title__in=["Goal 00", "Goal 02"]).update(status=ACHIEVED)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(url).text
    expected = [f"Goal {n:02d}" for n in range(1, GOALS_OFFERED + 2) if n != 2]
    assert checkbox_titles(html) == expected  # in the plan's order, the achieved ones left out
    assert f"Showing the first {GOALS_OFFERED} of 298 open learning goals, in the order of the coaching plan." in html
    assert f'href="{reverse("mentoring_plan", args=[world.placement.pk])}">See all in the coaching plan' in html


def test_a_goal_past_the_cap_ticked_before_a_form_error_stays_ticked_and_is_saved(client, world):
    add_goals(world, GOALS_OFFERED + 10)
    client.force_login(world.mentor)
    url = reverse("mentoring_session_new", args=[world.placement.pk])
    late = goal("Goal 25")
    response = client.post(url, session_data(world, goals=[late.pk], date="not a date"))
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"date"}
    assert "Goal 25" in checkbox_titles(response.text)
    assert re.search(rf'value="{late.pk}"[^>]*checked', response.text)

    assert client.post(url, session_data(world, goals=[late.pk])).status_code == 302
    assert list(CoachingSession.objects.get().goals.all()) == [late]


def test_an_achieved_goal_may_still_be_linked_but_a_goal_of_another_placement_may_not(client, world):
    add_goals(world, 2)
    LearningGoal.objects.filter(title="Goal 01").update(status=ACHIEVED)
    other = make_placement(school=world.school, company=world.other_company, mentor=world.other_mentor)
    foreign = LearningGoal.objects.create(
        plan=plan_for_placement(other), title="Foreign", success_measure="m", target_date=other.end_date
    )
    client.force_login(world.mentor)
    url = reverse("mentoring_session_new", args=[world.placement.pk])
    response = client.post(url, session_data(world, goals=[foreign.pk]))
    assert response.status_code == 200 and "goals" in response.context["form"].errors
    assert client.post(url, session_data(world, goals=[goal("Goal 01").pk])).status_code == 302


def test_a_plan_whose_goals_are_all_achieved_says_so(client, world):
    add_goals(world, 2)
    LearningGoal.objects.update(status=ACHIEVED)
    client.force_login(world.mentor)
    html = client.get(reverse("mentoring_session_new", args=[world.placement.pk])).text
    assert checkbox_titles(html) == []
    assert "Every learning goal of the coaching plan has been achieved." in html


# --- The timeline's goal filter ----------------------------------------------------------------------------


def test_the_timeline_filter_offers_the_first_goals_in_fixed_queries(client, world, django_assert_max_num_queries):
    client.force_login(world.supervisor)
    url = reverse("mentoring_sessions", args=[world.placement.pk])
    add_goals(world, 3)
    with django_assert_max_num_queries(7) as few:  # user, roles, placement, sessions, agreements, goals, count
        html = client.get(url).text
    assert option_titles(html) == ["Goal 00", "Goal 01", "Goal 02"]
    assert "goals of the coaching plan" not in html

    LearningGoal.objects.all().delete()
    add_goals(world, 300)
    LearningGoal.objects.filter(title="Goal 00").update(status=ACHIEVED)  # the timeline is history: still offered
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(url).text
    assert option_titles(html) == [f"Goal {n:02d}" for n in range(GOALS_IN_FILTER)]
    assert f"The first {GOALS_IN_FILTER} of 300 goals of the coaching plan" in html


def session_about(world, activities: str) -> CoachingSession:
    return CoachingSession.objects.create(
        placement=world.placement,
        date=world.placement.start_date,
        duration_minutes=30,
        coached_by=world.mentor,
        activities=activities,
        created_by=world.mentor,
    )


def test_a_goal_past_the_cap_filters_the_timeline_and_is_the_chosen_option(client, world):
    add_goals(world, GOALS_IN_FILTER + 10)
    late = goal(f"Goal {GOALS_IN_FILTER + 5:02d}")
    session = session_about(world, "About the late goal")
    session.goals.add(late)
    session_about(world, "About nothing in particular")
    client.force_login(world.learner)
    response = client.get(reverse("mentoring_sessions", args=[world.placement.pk]), {"goal": late.pk})
    assert [s.pk for s in response.context["page"].object_list] == [session.pk]
    assert re.search(rf'<option value="{late.pk}" selected>', response.text)
    assert len(option_titles(response.text)) == GOALS_IN_FILTER + 1


def test_the_goal_caps_read_in_dutch(client, world, settings):
    add_goals(world, GOALS_IN_FILTER + 1)
    LearningGoal.objects.filter(title="Goal 00").update(status=ACHIEVED)
    client.force_login(world.mentor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    form = client.get(reverse("mentoring_session_new", args=[world.placement.pk])).text
    assert f"De eerste {GOALS_OFFERED} van {GOALS_IN_FILTER} openstaande leerdoelen" in form
    timeline = client.get(reverse("mentoring_sessions", args=[world.placement.pk])).text
    assert f"De eerste {GOALS_IN_FILTER} van {GOALS_IN_FILTER + 1} doelen van het coachingsplan" in timeline
    LearningGoal.objects.update(status=ACHIEVED)
    form = client.get(reverse("mentoring_session_new", args=[world.placement.pk])).text
    assert "Elk leerdoel van het coachingsplan is behaald." in form
