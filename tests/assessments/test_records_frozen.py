"""A record keeps the framework version and indicators it was started with, whatever happens to the plan later."""

from datetime import date

import pytest
from django.urls import reverse

from assessments.models import Indicator, Rating, RatingLevel
from assessments.records.selectors import indicators_to_rate
from assessments.records.services import record_start

from .factories_assessments import indicators_of, lock, make_assessment_plan, make_framework_version
from .test_records import edit_data, snapshot


@pytest.fixture
def plan(world):
    return make_assessment_plan(world.placement)


@pytest.fixture
def record(world, plan):
    return record_start(
        moment=plan.moments.first(), by=world.mentor, title="Mid-term assessment", assessed_on=date(2026, 3, 1)
    )


@pytest.fixture
def moved(plan):
    """Version 2 of the framework is published, with renamed indicators and scale, and the plan moves to it."""
    old = plan.framework_version
    new = make_framework_version(framework=old.framework, number=2)
    Indicator.objects.filter(competency__area__version=new).update(title_en="Renamed indicator")
    RatingLevel.objects.filter(version=new, value=3).update(title_en="excellent")
    plan.framework_version = new
    plan.save()
    plan.indicators.set(indicators_of(new))
    return new


def test_indicators_to_rate_are_the_plans_choice_within_the_records_version(world, plan, record):
    chosen = indicators_of(plan.framework_version)[2:5]
    plan.indicators.set(chosen)
    assert list(indicators_to_rate(record)) == chosen


def test_a_new_framework_version_does_not_change_a_draft(client, world, record, moved):
    client.force_login(world.mentor)
    detail = client.get(reverse("assessment_detail", args=[record.pk])).text
    assert "Test framework, version 1" in detail
    assert "Indicator 1.1.1" in detail and "Renamed indicator" not in detail
    edit = client.get(reverse("assessment_edit", args=[record.pk])).text
    assert "Indicator 2.2.2" in edit and "Renamed indicator" not in edit
    assert ">good</label>" in edit and "excellent" not in edit

    good = RatingLevel.objects.get(version=record.framework_version, value=3)
    response = client.post(reverse("assessment_edit", args=[record.pk]), edit_data(record, level=good))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.framework_version.number == 1
    assert Rating.objects.filter(record=record, level=good).count() == len(indicators_of(record.framework_version))


def test_a_level_of_the_new_version_is_refused_on_an_old_record(client, world, record, moved):
    before = snapshot(record)
    client.force_login(world.mentor)
    excellent = RatingLevel.objects.get(version=moved, value=3)
    response = client.post(reverse("assessment_edit", args=[record.pk]), edit_data(record, level=excellent))
    assert response.status_code == 400
    assert snapshot(record) == before


def test_a_signed_record_keeps_its_version_after_the_plan_moved(client, world, record, moved):
    lock(record)
    client.force_login(world.learner)
    text = client.get(reverse("assessment_detail", args=[record.pk])).text
    assert "Test framework, version 1" in text and "Indicator 1.2.1" in text and "Renamed indicator" not in text


def test_changing_the_plans_indicators_does_not_change_a_started_record(client, world, plan, record):
    indicators = indicators_of(plan.framework_version)
    plan.indicators.set(indicators[:1])
    client.force_login(world.mentor)
    text = client.get(reverse("assessment_edit", args=[record.pk])).text
    for indicator in indicators:
        assert f'name="indicator_{indicator.pk}_level"' in text
    response = client.post(reverse("assessment_edit", args=[record.pk]), edit_data(record))
    assert response.status_code == 302
    assert Rating.objects.filter(record=record).count() == len(indicators)


def test_a_record_started_after_the_move_uses_the_new_version(world, plan, moved):
    final = plan.moments.create(kind="final", due_date=date(2026, 6, 1), methods=["observation"])
    record = record_start(moment=final, by=world.mentor, title="Final assessment", assessed_on=date(2026, 6, 1))
    assert record.framework_version == moved
    assert set(Rating.objects.filter(record=record).values_list("indicator__title_en", flat=True)) == {
        "Renamed indicator"
    }
