"""Learning goals name the competencies they work on; the links are part of the plan that gets approved."""

from datetime import timedelta

import pytest
from django.urls import reverse

from assessments.models import Competency
from mentoring.models import CoachingPlan, LearningGoal
from mentoring.plans.services import goal_save, plan_decide, plan_for_placement, plan_submit
from tests.assessments.factories_assessments import make_assessment_plan, make_framework_version


def goal_data(world, competencies=(), **overrides):
    data = {
        "title": "Bake a full batch of bread independently",
        "success_measure": "Three batches in a row meet the quality check",
        "target_date": (world.placement.end_date - timedelta(days=10)).isoformat(),
        "rationale": "Core task",
        "competencies": [competency.pk for competency in competencies],
    }
    data.update(overrides)
    return data


def competencies_of(version):
    return list(Competency.objects.filter(area__version=version).order_by("code"))


@pytest.fixture
def version(world):
    return make_framework_version(code="bakery", title="Bakery")


def offered(client, world, goal=None):
    url = reverse("mentoring_goal_edit", args=[world.placement.pk, goal.pk]) if goal else None
    url = url or reverse("mentoring_goal_new", args=[world.placement.pk])
    return set(client.get(url).context["form"].fields["competencies"].queryset)


def test_with_an_assessment_plan_the_goal_offers_the_competencies_of_its_version(client, world, version):
    make_assessment_plan(world.placement, version=version)
    other = make_framework_version(school=world.school, code="own", title="Own")
    client.force_login(world.mentor)
    choices = offered(client, world)
    assert choices == set(competencies_of(version))
    assert not choices & set(competencies_of(other))


def test_without_a_plan_the_goal_offers_the_published_frameworks_of_the_school(client, world, version):
    own = make_framework_version(school=world.school, code="own", title="Own")
    foreign = make_framework_version(school=world.other_school, code="foreign", title="Foreign")
    draft = make_framework_version(school=world.school, code="draft", title="Draft", published=False)
    client.force_login(world.mentor)
    choices = offered(client, world)
    assert set(competencies_of(version)) | set(competencies_of(own)) <= choices
    assert not choices & set(competencies_of(foreign) + competencies_of(draft))
    page = client.get(reverse("mentoring_goal_new", args=[world.placement.pk])).text
    assert "Competency 1.1 (Own)" in page  # several frameworks: the label says which


def test_the_mentor_links_competencies_and_the_plan_page_shows_them(client, world, version):
    make_assessment_plan(world.placement, version=version)
    chosen = competencies_of(version)[:2]
    client.force_login(world.mentor)
    response = client.post(reverse("mentoring_goal_new", args=[world.placement.pk]), goal_data(world, chosen))
    assert response.status_code == 302
    goal = LearningGoal.objects.get()
    assert set(goal.competencies.all()) == set(chosen)
    client.force_login(world.learner)
    page = client.get(reverse("mentoring_plan", args=[world.placement.pk])).text
    assert "1.1 Competency 1.1; 1.2 Competency 1.2" in page


def test_a_competency_that_is_not_offered_is_refused(client, world, version):
    make_assessment_plan(world.placement, version=version)
    foreign = make_framework_version(school=world.other_school, code="foreign", title="Foreign")
    client.force_login(world.mentor)
    response = client.post(
        reverse("mentoring_goal_new", args=[world.placement.pk]), goal_data(world, competencies_of(foreign)[:1])
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not LearningGoal.objects.exists()


def test_the_snapshot_freezes_the_competencies_and_the_version_page_shows_them(client, world, version):
    make_assessment_plan(world.placement, version=version)
    first = competencies_of(version)[0]
    plan = plan_for_placement(world.placement)
    goal_save(
        plan=plan,
        data={**goal_data(world), "target_date": world.placement.end_date, "competencies": [first]},
        by=world.mentor,
    )
    submitted = plan_submit(plan=plan, by=world.mentor)
    assert submitted.snapshot["goals"][0]["competencies"] == [
        {"id": first.pk, "code": "1.1", "title_en": "Competency 1.1", "title_nl": "Competentie 1.1"}
    ]
    Competency.objects.filter(pk=first.pk).update(title_en="Renamed later")
    client.force_login(world.supervisor)
    page = client.get(reverse("mentoring_plan_version", args=[world.placement.pk, submitted.number])).text
    assert "1.1 Competency 1.1" in page
    assert "Renamed later" not in page


def test_changing_only_the_competencies_needs_approval_again(client, world, version):
    make_assessment_plan(world.placement, version=version)
    competencies = competencies_of(version)
    plan = plan_for_placement(world.placement)
    goal = goal_save(
        plan=plan,
        data={**goal_data(world), "target_date": world.placement.end_date, "competencies": competencies[:1]},
        by=world.mentor,
    )
    plan_submit(plan=plan, by=world.mentor)
    plan_decide(plan=plan, by=world.supervisor, approve=True)

    client.force_login(world.mentor)
    response = client.post(
        reverse("mentoring_goal_edit", args=[world.placement.pk, goal.pk]),
        goal_data(world, competencies[:2], target_date=goal.target_date.isoformat()),
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == CoachingPlan.Status.DRAFT
    assert set(goal.competencies.all()) == set(competencies[:2])
    second = plan_submit(plan=plan, by=world.mentor)
    assert [c["code"] for c in second.snapshot["goals"][0]["competencies"]] == ["1.1", "1.2"]
    first = plan.versions.get(number=1)
    assert [c["code"] for c in first.snapshot["goals"][0]["competencies"]] == ["1.1"]


def test_links_to_an_earlier_framework_survive_editing_the_goal(client, world, version):
    earlier = make_framework_version(school=world.school, code="earlier", title="Earlier")
    plan = plan_for_placement(world.placement)
    old_link = competencies_of(earlier)[0]
    goal = goal_save(
        plan=plan,
        data={**goal_data(world), "target_date": world.placement.end_date, "competencies": [old_link]},
        by=world.mentor,
    )
    make_assessment_plan(world.placement, version=version)
    client.force_login(world.mentor)
    assert old_link in offered(client, world, goal)
    response = client.post(
        reverse("mentoring_goal_edit", args=[world.placement.pk, goal.pk]),
        goal_data(world, [old_link], title="Bake bread and rolls", target_date=goal.target_date.isoformat()),
    )
    assert response.status_code == 302
    assert list(goal.competencies.all()) == [old_link]


def test_saving_a_goal_without_competencies_keeps_its_links(world, version):
    plan = plan_for_placement(world.placement)
    linked = competencies_of(version)[:1]
    goal = goal_save(
        plan=plan,
        data={**goal_data(world), "target_date": world.placement.end_date, "competencies": linked},
        by=world.mentor,
    )
    data = {key: value for key, value in goal_data(world).items() if key != "competencies"}
    goal_save(plan=plan, goal=goal, data={**data, "target_date": world.placement.end_date}, by=world.mentor)
    assert list(goal.competencies.all()) == linked
