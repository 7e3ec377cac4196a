"""Who may open the mentor's growth pages: every work mentor their own only; other mentors do not find them (404),
people without the mentor role are refused (403), the school supervisor included: the plan is personal."""

import pytest
from django.urls import reverse

from assessments.models import DevelopmentGoal, FeedbackRequest
from tests.cast import EVERYONE

from .growth_helpers import ensure_coach_profile, feedback_request, goal, self_assessment


@pytest.fixture(autouse=True)
def _coach_profile(db):
    ensure_coach_profile()


MENTORS = {"mentor", "colleague_mentor", "other_mentor"}


def owner_only(who):
    if who == "mentor":
        return 200
    return 404 if who in MENTORS else 403


@pytest.fixture
def growth(world):
    return {
        "goal": goal(world.mentor),
        "assessment": self_assessment(world.mentor),
        "request": feedback_request(world.mentor),
    }


@pytest.mark.parametrize("name", ["growth_plan", "growth_self_assessments", "growth_feedback", "growth_compare"])
@pytest.mark.parametrize("who", ["mentor", "other_mentor", "supervisor", "company_admin", "learner", "staff"])
def test_own_pages_are_for_work_mentors_only(client, world, growth, name, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse(name))
    assert response.status_code == (200 if who in MENTORS else 403)
    if who != "mentor" and response.status_code == 200:
        assert "Listen before I advise" not in response.text
        assert "Ingrid Bakker" not in response.text


@pytest.mark.parametrize("who", EVERYONE)
def test_a_goal_is_only_its_owners(client, world, growth, who):
    client.force_login(getattr(world, who))
    url = reverse("growth_goal_edit", args=[growth["goal"].pk])
    assert client.get(url).status_code == owner_only(who)
    if who != "mentor":
        response = client.post(reverse("growth_goal_delete", args=[growth["goal"].pk]))
        assert response.status_code in (403, 404)
        assert DevelopmentGoal.objects.filter(pk=growth["goal"].pk).exists()


@pytest.mark.parametrize("who", EVERYONE)
def test_a_self_assessment_is_only_its_owners(client, world, growth, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("growth_compare"), {"ids": growth["assessment"].pk})
    assert response.status_code == owner_only(who)


@pytest.mark.parametrize("who", ["other_mentor", "colleague_mentor", "supervisor", "staff"])
def test_others_cannot_withdraw_a_request(client, world, growth, who):
    client.force_login(getattr(world, who))
    response = client.post(reverse("growth_feedback_withdraw", args=[growth["request"].pk]))
    assert response.status_code in (403, 404)
    assert FeedbackRequest.objects.filter(pk=growth["request"].pk).exists()


def test_anonymous_visitors_are_sent_to_log_in(client, growth):
    response = client.get(reverse("growth_plan"))
    assert response.status_code == 302
    assert reverse("login") in response.url
