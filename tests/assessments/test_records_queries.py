"""The assessment pages cost a fixed number of queries, however many indicators, records or versions there are."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import AssessmentMoment, Evidence, Rating
from assessments.records.services import record_amend, record_start
from tests.factories import make_placement

from .factories_assessments import indicators_of, lock, make_assessment_plan, make_framework_version, make_record
from .test_records import edit_data


def placement_with_record(world, *, code, areas, competencies, indicators, evidence=0):
    placement = make_placement(
        school=world.school, company=world.company, mentor=world.mentor, supervisor=world.supervisor
    )
    version = make_framework_version(code=code, areas=areas, competencies=competencies, indicators=indicators)
    plan = make_assessment_plan(placement, version=version)
    record = record_start(
        moment=plan.moments.first(), by=world.mentor, title="Mid-term assessment", assessed_on=date(2026, 3, 1)
    )
    for n in range(evidence):
        item = Evidence.objects.create(placement=placement, title=f"Evidence {n}", added_by=world.learner)
        item.indicators.set(indicators_of(version)[n::3])
    return record


def count(client, method, url, data=None):
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, data or {})
    assert response.status_code in (200, 302), response.status_code
    return len(queries)


@pytest.fixture
def small_and_large(world):
    small = placement_with_record(world, code="small", areas=1, competencies=2, indicators=1, evidence=1)
    large = placement_with_record(world, code="large", areas=3, competencies=4, indicators=5, evidence=12)
    assert Rating.objects.filter(record=large).count() == 60
    return small, large


@pytest.mark.parametrize("page", ["assessment_edit", "assessment_detail"])
def test_record_pages_do_not_grow_with_the_number_of_indicators(client, world, small_and_large, page):
    small, large = small_and_large
    client.force_login(world.mentor)
    expected = count(client, "get", reverse(page, args=[small.pk]))
    assert count(client, "get", reverse(page, args=[large.pk])) == expected
    assert expected <= 16


def test_saving_does_not_grow_with_the_number_of_indicators(client, world, small_and_large):
    small, large = small_and_large
    client.force_login(world.mentor)
    levels = {record.pk: record.framework_version.levels.last() for record in small_and_large}
    for record in small_and_large:  # the first save creates the judgements; compare the later saves
        client.post(reverse("assessment_edit", args=[record.pk]), judged(record, levels[record.pk]))
    expected = count(client, "post", reverse("assessment_edit", args=[small.pk]), judged(small, levels[small.pk]))
    assert (
        count(client, "post", reverse("assessment_edit", args=[large.pk]), judged(large, levels[large.pk])) == expected
    )
    assert Rating.objects.filter(record=large, level=levels[large.pk], remarks="fine").count() == 60


def judged(record, level):
    competencies = set(Rating.objects.filter(record=record).values_list("indicator__competency_id", flat=True))
    return edit_data(
        record,
        level=level,
        remarks="fine",
        **{f"competency_{pk}_level": str(level.pk) for pk in competencies},
    )


def test_amending_does_not_grow_with_the_number_of_indicators(client, world, small_and_large):
    small, large = small_and_large
    for record in small_and_large:
        lock(record)
    client.force_login(world.mentor)
    expected = count(client, "post", reverse("assessment_amend", args=[small.pk]), {"reason": "Typo"})
    assert count(client, "post", reverse("assessment_amend", args=[large.pk]), {"reason": "Typo"}) == expected
    assert Rating.objects.filter(record__amends=large).count() == 60


def test_list_does_not_grow_with_records_and_versions(client, world, django_assert_max_num_queries):
    plan = make_assessment_plan(world.placement, moments=(AssessmentMoment.Kind.MID_TERM, AssessmentMoment.Kind.FINAL))
    client.force_login(world.supervisor)
    url = reverse("assessment_list", args=[world.placement.pk])
    expected = count(client, "get", url)
    for n in range(6):
        record = make_record(world.placement, plan=plan, assessed_on=date(2026, 3, 1 + n), title=f"Record {n}")
        if n % 2:
            lock(record)
            lock(record_amend(record=record, by=world.mentor, reason="Typo"))
    with django_assert_max_num_queries(expected):
        response = client.get(url)
    assert response.text.count("History") == 3
