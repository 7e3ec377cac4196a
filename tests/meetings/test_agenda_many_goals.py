"""A first meeting agenda for a plan with hundreds of open goals: the first few, then how many more, in fixed
queries."""

import re

from django.utils import translation

from meetings.planning.selectors import AGENDA_GOALS, agenda_from_coaching_plan
from mentoring.models import LearningGoal

from .factories_meetings import make_goals


def goal_lines(agenda):
    return re.findall(r"^- (Goal \d{3}) \(", agenda, re.M)


def test_the_agenda_names_the_first_open_goals_and_counts_the_rest(world, django_assert_max_num_queries):
    make_goals(world, titles=[f"Goal {n:03d}" for n in range(3)])
    with django_assert_max_num_queries(5) as few:  # the goals' count and page, the agreements' count and page
        agenda = agenda_from_coaching_plan(world.placement)
    assert goal_lines(agenda) == ["Goal 000", "Goal 001", "Goal 002"]
    assert "more open learning goal" not in agenda

    LearningGoal.objects.all().delete()
    make_goals(world, titles=[f"Goal {n:03d}" for n in range(300)])
    LearningGoal.objects.filter(title="Goal 000").update(status=LearningGoal.Status.ACHIEVED)
    with django_assert_max_num_queries(len(few.captured_queries)):
        agenda = agenda_from_coaching_plan(world.placement)
    assert goal_lines(agenda) == [f"Goal {n:03d}" for n in range(1, AGENDA_GOALS + 1)]
    assert f"- … and {299 - AGENDA_GOALS} more open learning goals" in agenda
    with translation.override("nl"):
        assert f"- … en nog {299 - AGENDA_GOALS} openstaande leerdoelen" in agenda_from_coaching_plan(world.placement)
