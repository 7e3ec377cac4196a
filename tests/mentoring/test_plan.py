"""The coaching plan: the mentor drafts, the school supervisor attunes, and every version stays readable."""

from datetime import timedelta

import pytest
from django.urls import reverse

from mentoring.models import CoachingPlan, PlanVersion
from mentoring.plans.services import goal_save, plan_decide, plan_for_placement, plan_submit
from tests.cast import COACHING_VIEWERS, EVERYONE

VIEWERS = COACHING_VIEWERS


def goal_data(world, **overrides):
    data = {
        "title": "Bake a full batch of bread independently",
        "success_measure": "Three batches in a row meet the quality check",
        "target_date": (world.placement.end_date - timedelta(days=10)).isoformat(),
        "rationale": "Core task of a bakery assistant",
    }
    data.update(overrides)
    return data


def add_goal(world):
    plan = plan_for_placement(world.placement)
    return goal_save(plan=plan, data={**goal_data(world), "target_date": world.placement.end_date}, by=world.mentor)


@pytest.mark.parametrize("who", EVERYONE)
def test_plan_page_is_for_the_learner_mentor_and_school(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("mentoring_plan", args=[world.placement.pk]))
    assert response.status_code == (200 if who in VIEWERS else 404)


@pytest.mark.parametrize("who", sorted(VIEWERS))
def test_only_the_mentor_may_add_goals(client, world, who):
    client.force_login(getattr(world, who))
    response = client.post(reverse("mentoring_goal_new", args=[world.placement.pk]), goal_data(world))
    assert response.status_code == (302 if who == "mentor" else 403)


@pytest.mark.parametrize("who", sorted(VIEWERS))
def test_only_the_supervisor_coordinator_or_staff_may_decide(client, world, who):
    add_goal(world)
    plan_submit(plan=plan_for_placement(world.placement), by=world.mentor)
    client.force_login(getattr(world, who))
    response = client.post(reverse("mentoring_plan_decide", args=[world.placement.pk]), {"decision": "approve"})
    assert response.status_code == (302 if who in {"supervisor", "coordinator", "staff"} else 403)


def test_goal_target_after_the_placement_is_refused_with_a_message(client, world):
    client.force_login(world.mentor)
    late = (world.placement.end_date + timedelta(days=1)).isoformat()
    response = client.post(reverse("mentoring_goal_new", args=[world.placement.pk]), goal_data(world, target_date=late))
    assert response.status_code == 200
    assert "must fall within the placement" in response.text


def test_submitting_without_goals_is_refused(client, world):
    client.force_login(world.mentor)
    response = client.post(reverse("mentoring_plan_submit", args=[world.placement.pk]), follow=True)
    assert "Add at least one learning goal" in response.text
    assert not PlanVersion.objects.exists()


def test_full_cycle_approval_then_change_needs_approval_again(client, world):
    client.force_login(world.mentor)
    client.post(reverse("mentoring_goal_new", args=[world.placement.pk]), goal_data(world))
    client.post(reverse("mentoring_plan_submit", args=[world.placement.pk]))
    plan = CoachingPlan.objects.get(placement=world.placement)
    assert plan.status == CoachingPlan.Status.SUBMITTED

    client.force_login(world.supervisor)
    client.post(reverse("mentoring_plan_decide", args=[world.placement.pk]), {"decision": "approve"})
    plan.refresh_from_db()
    assert plan.status == CoachingPlan.Status.APPROVED

    client.force_login(world.mentor)
    goal = plan.goals.get()
    client.post(
        reverse("mentoring_goal_edit", args=[world.placement.pk, goal.pk]),
        goal_data(world, title="Bake bread and rolls independently"),
    )
    plan.refresh_from_db()
    assert plan.status == CoachingPlan.Status.DRAFT

    client.post(reverse("mentoring_plan_submit", args=[world.placement.pk]))
    versions = list(plan.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].decision == PlanVersion.Decision.APPROVED
    assert versions[0].snapshot["goals"][0]["title"] == "Bake a full batch of bread independently"
    assert versions[1].snapshot["goals"][0]["title"] == "Bake bread and rolls independently"

    page = client.get(reverse("mentoring_plan_version", args=[world.placement.pk, 1]))
    assert "Bake a full batch of bread independently" in page.text


def test_tracking_progress_does_not_need_new_approval(client, world):
    goal = add_goal(world)
    plan = plan_for_placement(world.placement)
    plan_submit(plan=plan, by=world.mentor)
    plan_decide(plan=plan, by=world.supervisor, approve=True)
    client.force_login(world.mentor)
    response = client.post(
        reverse("mentoring_goal_track", args=[world.placement.pk, goal.pk]),
        {f"goal{goal.pk}-status": "at_risk", f"goal{goal.pk}-progress": 40, f"goal{goal.pk}-next_review": ""},
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    plan.refresh_from_db()
    assert (goal.status, goal.progress) == ("at_risk", 40)
    assert plan.status == CoachingPlan.Status.APPROVED


def test_progress_over_100_is_refused(client, world):
    goal = add_goal(world)
    client.force_login(world.mentor)
    response = client.post(
        reverse("mentoring_goal_track", args=[world.placement.pk, goal.pk]),
        {f"goal{goal.pk}-status": "on_track", f"goal{goal.pk}-progress": 150},
    )
    assert response.status_code == 400
    goal.refresh_from_db()
    assert goal.progress == 0


def test_asking_for_changes_needs_a_comment(client, world):
    add_goal(world)
    plan_submit(plan=plan_for_placement(world.placement), by=world.mentor)
    client.force_login(world.supervisor)
    response = client.post(reverse("mentoring_plan_decide", args=[world.placement.pk]), {"decision": "changes"})
    assert response.status_code == 400
    assert "Say which changes" in response.text
    response = client.post(
        reverse("mentoring_plan_decide", args=[world.placement.pk]),
        {"decision": "changes", "comment": "Make goal 1 measurable."},
    )
    assert response.status_code == 302
    assert plan_for_placement(world.placement).status == CoachingPlan.Status.CHANGES_REQUESTED


def test_a_goal_of_another_placement_cannot_be_edited_through_this_one(client, world):
    from tests.factories import make_placement

    other = make_placement(school=world.school, company=world.company, mentor=world.mentor)
    foreign_goal = goal_save(
        plan=plan_for_placement(other), data={**goal_data(world), "target_date": other.end_date}, by=world.mentor
    )
    client.force_login(world.mentor)
    response = client.get(reverse("mentoring_goal_edit", args=[world.placement.pk, foreign_goal.pk]))
    assert response.status_code == 404
