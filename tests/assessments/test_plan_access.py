"""Who sees the assessment plan and who shapes it: the coaching circle sees it, the mentor and the school plan it."""

import pytest
from django.urls import reverse

from assessments.models import AssessmentMoment, AssessmentPlan
from tests.assessments.factories_assessments import indicators_of, make_assessment_plan, make_framework_version
from tests.cast import COACHING_VIEWERS, EVERYONE

PLANNERS = {"mentor", "supervisor", "coordinator", "staff"}


def moment_data(world, **overrides):
    data = {
        "kind": "mid_term",
        "label": "",
        "due_date": world.placement.start_date.isoformat(),
        "methods": ["observation"],
        "assessors": "both",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("who", EVERYONE)
def test_plan_page_is_for_the_coaching_circle_only(client, world, who):
    make_assessment_plan(world.placement)
    client.force_login(getattr(world, who))
    response = client.get(reverse("assessment_plan", args=[world.placement.pk]))
    assert response.status_code == (200 if who in COACHING_VIEWERS else 404)
    if who in COACHING_VIEWERS:
        assert "Coverage per competency" in response.text
        assert "Competency 1.1" in response.text


@pytest.mark.parametrize("who", ["company_admin", "other_teacher", "other_coordinator", "outsider", "colleague_mentor"])
def test_outsiders_cannot_reach_any_plan_page(client, world, who):
    plan = make_assessment_plan(world.placement)
    moment = plan.moments.get()
    client.force_login(getattr(world, who))
    pk = world.placement.pk
    assert client.get(reverse("assessment_plan_edit", args=[pk])).status_code == 404
    assert client.get(reverse("assessment_moment_new", args=[pk])).status_code == 404
    assert client.get(reverse("assessment_moment_edit", args=[pk, moment.pk])).status_code == 404
    assert client.post(reverse("assessment_moment_delete", args=[pk, moment.pk])).status_code == 404
    assert AssessmentMoment.objects.filter(pk=moment.pk).exists()


@pytest.mark.parametrize("who", sorted(COACHING_VIEWERS))
def test_only_the_mentor_and_the_school_make_the_plan(client, world, who):
    version = make_framework_version()
    client.force_login(getattr(world, who))
    url = reverse("assessment_plan_edit", args=[world.placement.pk])
    data = {"framework_version": version.pk, "indicators": [i.pk for i in indicators_of(version)], "notes": ""}
    response = client.post(url, data)
    if who in PLANNERS:
        assert response.status_code == 302
        assert AssessmentPlan.objects.get(placement=world.placement).indicators.count() == 8
    else:
        assert response.status_code == 403
        assert not AssessmentPlan.objects.exists()


@pytest.mark.parametrize("who", sorted(COACHING_VIEWERS))
def test_only_the_mentor_and_the_school_plan_moments(client, world, who):
    plan = make_assessment_plan(world.placement, moments=())
    client.force_login(getattr(world, who))
    response = client.post(reverse("assessment_moment_new", args=[world.placement.pk]), moment_data(world))
    assert response.status_code == (302 if who in PLANNERS else 403)
    assert plan.moments.count() == (1 if who in PLANNERS else 0)


def test_without_a_plan_the_page_explains_and_offers_to_make_one_to_planners(client, world):
    client.force_login(world.mentor)
    page = client.get(reverse("assessment_plan", args=[world.placement.pk])).text
    assert "There is no assessment plan for this placement yet" in page
    assert reverse("assessment_plan_edit", args=[world.placement.pk]) in page

    client.force_login(world.learner)
    page = client.get(reverse("assessment_plan", args=[world.placement.pk])).text
    assert "There is no assessment plan for this placement yet" in page
    assert reverse("assessment_plan_edit", args=[world.placement.pk]) not in page
    assert "The work mentor and the school supervisor make the assessment plan." in page


def test_the_learner_sees_the_plan_but_no_buttons_to_change_it(client, world):
    plan = make_assessment_plan(world.placement)
    client.force_login(world.learner)
    page = client.get(reverse("assessment_plan", args=[world.placement.pk])).text
    assert reverse("assessment_moment_edit", args=[world.placement.pk, plan.moments.get().pk]) not in page
    assert reverse("assessment_plan_edit", args=[world.placement.pk]) not in page
