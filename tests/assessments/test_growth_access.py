"""Who may open the mentor's growth pages: every work mentor their own only; other mentors do not find them (404),
people without the mentor role are refused (403), the school supervisor included: the plan is personal.

One `world` per test and a loop over the roles, to keep the suite fast; the message names the role that failed.
"""

import pytest
from django.urls import reverse

from assessments.models import DevelopmentGoal, FeedbackRequest
from tests.cast import EVERYONE

from .growth_helpers import ensure_coach_profile, feedback_request, goal, self_assessment

MENTORS = {"mentor", "colleague_mentor", "other_mentor"}
OWN_PAGES = [
    "growth_plan", "growth_self_assessments", "growth_self_assessment_new", "growth_feedback", "growth_compare",
]  # fmt: skip


@pytest.fixture
def growth(world):
    ensure_coach_profile()
    return {
        "goal": goal(world.mentor),
        "assessment": self_assessment(world.mentor),
        "request": feedback_request(world.mentor),
    }


def owner_only(who):
    if who == "mentor":
        return 200
    return 404 if who in MENTORS else 403


def test_own_pages_are_for_work_mentors_only_and_show_nothing_of_another(client, world, growth):
    for who in EVERYONE:
        client.force_login(getattr(world, who))
        for name in OWN_PAGES:
            response = client.get(reverse(name))
            assert response.status_code == (200 if who in MENTORS else 403), (who, name)
            if who != "mentor" and response.status_code == 200:
                assert "Listen before I advise" not in response.text, (who, name)
                assert "Ingrid Bakker" not in response.text, (who, name)


def test_a_goal_is_only_its_owners(client, world, growth):
    url = reverse("growth_goal_edit", args=[growth["goal"].pk])
    for who in EVERYONE:
        client.force_login(getattr(world, who))
        assert client.get(url).status_code == owner_only(who), who
        if who != "mentor":
            response = client.post(reverse("growth_goal_delete", args=[growth["goal"].pk]))
            assert response.status_code == owner_only(who), who
            response = client.post(url, {"profile_item": "B1", "goal": "Hijacked", "status": "open"})
            assert response.status_code == owner_only(who), who
    growth["goal"].refresh_from_db()
    assert growth["goal"].goal == "Listen before I advise"


def test_a_self_assessment_is_only_its_owners(client, world, growth):
    for who in EVERYONE:
        client.force_login(getattr(world, who))
        response = client.get(reverse("growth_compare"), {"ids": growth["assessment"].pk})
        assert response.status_code == owner_only(who), who


def test_only_the_owner_withdraws_a_request(client, world, growth):
    url = reverse("growth_feedback_withdraw", args=[growth["request"].pk])
    for who in EVERYONE:
        if who == "mentor":
            continue
        client.force_login(getattr(world, who))
        assert client.post(url).status_code == owner_only(who), who
    assert FeedbackRequest.objects.filter(pk=growth["request"].pk).exists()
    client.force_login(world.mentor)
    assert client.post(url).status_code == 302
    assert not FeedbackRequest.objects.exists()
    assert DevelopmentGoal.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, growth):
    for name in OWN_PAGES:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert reverse("login") in response.url
