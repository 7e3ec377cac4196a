"""The coverage map: red without evidence, amber with evidence, green once a signed assessment rates it all."""

from datetime import date

import pytest
from django.urls import reverse

from assessments.evidence.services import evidence_add
from assessments.models import AssessmentRecord, Rating
from assessments.plans.coverage import Status, plan_coverage
from mentoring.plans.services import goal_save, plan_for_placement
from tests.assessments.factories_assessments import lock, make_assessment_plan, make_framework_version, make_record


def status_of(plan):
    return {row.competency.code: row.status for row in plan_coverage(plan).competencies}


def tag(world, indicators, title="Evidence"):
    return evidence_add(placement=world.placement, by=world.learner, title=title, text="x", indicators=indicators)


def indicator(plan, code):
    return plan.indicators.get(code=code)


def test_red_then_amber_with_evidence_then_green_after_a_signed_assessment(client, world):
    plan = make_assessment_plan(world.placement)
    assert set(status_of(plan).values()) == {Status.NONE}

    tag(world, [indicator(plan, "1.1.1")])
    assert status_of(plan) == {"1.1": Status.EVIDENCE, "1.2": Status.NONE, "2.1": Status.NONE, "2.2": Status.NONE}

    record = make_record(world.placement)
    assert status_of(plan)["1.1"] == Status.EVIDENCE  # a draft signs nothing off

    lock(record)
    assert set(status_of(plan).values()) == {Status.SIGNED}

    client.force_login(world.learner)
    page = client.get(reverse("assessment_plan", args=[world.placement.pk])).text
    assert "Signed off" in page
    assert "text-bg-success" in page
    assert "Mid-term assessment" in page


def test_the_page_shows_colour_and_words_for_each_status(client, world):
    plan = make_assessment_plan(world.placement)
    tag(world, [indicator(plan, "1.1.1")])
    client.force_login(world.mentor)
    page = client.get(reverse("assessment_plan", args=[world.placement.pk])).text
    assert "text-bg-warning" in page and "Evidence, not signed off yet" in page
    assert "text-bg-danger" in page and "No evidence yet" in page
    assert f"?competency={indicator(plan, '1.1.1').competency_id}" in page
    assert f"?indicator={indicator(plan, '1.1.1').pk}" in page


def test_green_needs_a_level_for_every_planned_indicator_of_the_competency(world):
    plan = make_assessment_plan(world.placement)
    record = make_record(world.placement)
    Rating.objects.filter(record=record, indicator__code="2.2.1").update(level=None)
    lock(record)
    statuses = status_of(plan)
    assert statuses["2.2"] == Status.NONE
    assert statuses["1.1"] == statuses["1.2"] == statuses["2.1"] == Status.SIGNED


def test_the_latest_signed_assessment_decides(world):
    plan = make_assessment_plan(world.placement)
    lock(make_record(world.placement, assessed_on=date(2026, 3, 1)))
    later = make_record(world.placement, assessed_on=date(2026, 6, 1), title="Final")
    Rating.objects.filter(record=later, indicator__code="1.1.2").update(level=None)
    assert status_of(plan)["1.1"] == Status.SIGNED  # the later one is not signed yet
    lock(later)
    assert status_of(plan)["1.1"] == Status.NONE
    assert plan_coverage(plan).signed_record == later


def test_an_amended_record_no_longer_counts(world):
    plan = make_assessment_plan(world.placement)
    record = lock(make_record(world.placement))
    AssessmentRecord.objects.filter(pk=record.pk).update(status=AssessmentRecord.Status.AMENDED)
    assert set(status_of(plan).values()) == {Status.NONE}


def test_only_planned_indicators_count(world):
    plan = make_assessment_plan(world.placement)
    left_out = indicator(plan, "1.1.2")
    tag(world, [left_out])
    plan.indicators.remove(left_out)
    coverage = plan_coverage(plan)
    row = next(row for row in coverage.competencies if row.competency.code == "1.1")
    assert [item.indicator.code for item in row.indicators] == ["1.1.1"]
    assert (row.status, row.evidence_count) == (Status.NONE, 0)


def test_counts_per_indicator_and_per_competency(world):
    plan = make_assessment_plan(world.placement)
    both = [indicator(plan, "1.1.1"), indicator(plan, "1.1.2")]
    tag(world, both, title="Both")
    tag(world, both[:1], title="First only")
    row = next(row for row in plan_coverage(plan).competencies if row.competency.code == "1.1")
    assert [item.evidence_count for item in row.indicators] == [2, 1]
    assert row.evidence_count == 2  # an item tagged with both indicators counts once


def test_linked_learning_goals_show_next_to_their_competency(client, world):
    plan = make_assessment_plan(world.placement)
    competency = indicator(plan, "1.2.1").competency
    goal_save(
        plan=plan_for_placement(world.placement),
        data={
            "title": "Shape rolls evenly",
            "success_measure": "50 per hour",
            "target_date": world.placement.end_date,
            "rationale": "",
            "competencies": [competency],
        },
        by=world.mentor,
    )
    row = next(row for row in plan_coverage(plan).competencies if row.competency == competency)
    assert [goal.title for goal in row.goals] == ["Shape rolls evenly"]
    client.force_login(world.supervisor)
    assert "Shape rolls evenly" in client.get(reverse("assessment_plan", args=[world.placement.pk])).text


@pytest.mark.parametrize("size", [1, 5])
def test_the_plan_page_takes_a_fixed_number_of_queries(client, world, size, django_assert_max_num_queries):
    version = make_framework_version(areas=size, competencies=size, indicators=size)
    plan = make_assessment_plan(world.placement, version=version, moments=("mid_term", "final", "other"))
    indicators = list(plan.indicators.all())
    for n in range(size * 4):
        tag(world, indicators[n % len(indicators) :][:2], title=f"Evidence {n}")
    lock(make_record(world.placement))
    goal_save(
        plan=plan_for_placement(world.placement),
        data={
            "title": "A goal",
            "success_measure": "m",
            "target_date": world.placement.end_date,
            "rationale": "",
            "competencies": [i.competency for i in indicators],
        },
        by=world.mentor,
    )
    client.force_login(world.mentor)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("assessment_plan", args=[world.placement.pk]))
    assert response.status_code == 200
    assert response.text.count('class="table-light"') == size * size
