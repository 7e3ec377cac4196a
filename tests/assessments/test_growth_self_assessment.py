"""The mentor's self-assessment against the coach profile, repeated and compared (then → now), and the plan."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments.growth.profile import Group, coach_profile
from assessments.growth.services import self_assessment_create
from assessments.models import DevelopmentGoal, SelfAssessment

from .growth_helpers import ensure_coach_profile, form_data, full_scores, goal, self_assessment


@pytest.fixture(autouse=True)
def _coach_profile(db):
    ensure_coach_profile()


def test_the_profile_has_the_behavioural_competencies_team_roles_and_big_five_minimums(db):
    profile = coach_profile()
    assert [item.key for item in profile.competencies][:3] == ["B1", "B2", "B3"]
    assert len(profile.competencies) == 17
    assert [item.title for item in profile.group(Group.TEAM_ROLES)] == [
        "Resource investigator / plant",
        "Implementer / completer-finisher",
        "Teamworker",
    ]
    assert {item.title: item.minimum for item in profile.group(Group.BIG_FIVE)} == {
        "Socially skilled": 7,
        "Agreeable": 7,
        "Work attitude": 8,
        "Stability": 6,
        "Openness": 8,
    }


def test_a_mentor_scores_themselves_twice_and_sees_then_and_now(client, world):
    client.force_login(world.mentor)
    first = client.post(reverse("growth_self_assessment_new"), form_data(full_scores(2), reflection="Start"))
    assert first.status_code == 302
    earlier = SelfAssessment.objects.get(mentor=world.mentor)

    page = client.get(reverse("growth_self_assessment_new"))
    assert page.context["form"].initial["score_B1"] == 2  # the previous scores are filled in
    second = client.post(reverse("growth_self_assessment_new"), form_data(full_scores(2, B1=4, B2=1)))
    later = SelfAssessment.objects.exclude(pk=earlier.pk).get(mentor=world.mentor)
    assert second.url == f"{reverse('growth_compare')}?ids={earlier.pk}&ids={later.pk}"

    response = client.get(second.url)
    rows = {row.item.key: row for _title, group in response.context["groups"] for row in group}
    assert rows["B1"].scores == [2, 4] and rows["B1"].change == 2
    assert rows["B2"].scores == [2, 1] and rows["B2"].change == -1
    assert rows["B3"].change == 0
    assert rows["big5-stability"].below_minimum  # 4 of the minimum 6
    assert "Stability is below the profile" in response.text
    assert "Start" in response.text


def test_comparing_without_a_choice_shows_the_two_newest(client, world):
    one, two, three = (self_assessment(world.mentor, value=v) for v in (1, 2, 3))
    client.force_login(world.mentor)
    response = client.get(reverse("growth_compare"))
    assert response.context["assessments"] == [two, three]
    three_of_them = client.get(reverse("growth_compare"), {"ids": [three.pk, one.pk, two.pk]})
    assert three_of_them.context["assessments"] == [one, two, three]


def test_a_self_assessment_needs_every_item_scored_within_its_scale(client, world):
    client.force_login(world.mentor)
    scores = full_scores(3)
    del scores["B5"]
    response = client.post(reverse("growth_self_assessment_new"), form_data(scores, score_B1=9))
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"score_B1", "score_B5"}
    with pytest.raises(ValidationError):
        self_assessment_create(mentor=world.mentor, profile=coach_profile(), scores=full_scores(3, B1=6))
    assert not SelfAssessment.objects.exists()


def test_goals_are_linked_to_the_profile(client, world):
    client.force_login(world.mentor)
    response = client.post(
        reverse("growth_goal_new"), {"profile_item": "role-teamworker", "goal": "Resolve conflicts in the team"}
    )
    assert response.status_code == 302
    assert DevelopmentGoal.objects.get().profile_item == "role-teamworker"
    refused = client.post(reverse("growth_goal_new"), {"profile_item": "X99", "goal": "Anything"})
    assert refused.status_code == 400
    page = client.get(reverse("growth_plan"))
    assert "Teamworker" in page.text

    saved = goal(world.mentor)
    edit = client.post(
        reverse("growth_goal_edit", args=[saved.pk]), {"profile_item": "B1", "goal": "Listen", "status": "achieved"}
    )
    assert edit.status_code == 302
    saved.refresh_from_db()
    assert saved.status == "achieved"
    client.post(reverse("growth_plan"), {"ambition": "  A mentor who listens. "})
    assert world.mentor.development_plan.ambition == "A mentor who listens."
