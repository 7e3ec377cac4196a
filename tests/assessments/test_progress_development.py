"""A learner's development over time: the average rating per competency across their signed assessments."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import AssessmentRecord, Rating
from assessments.progress.charts import line_chart
from assessments.progress.selectors import development_of
from tests.cast import COACHING_VIEWERS, EVERYONE
from tests.factories import make_placement

from .factories_assessments import lock, make_assessment_plan, make_framework_version, make_record


def _rate(record, values: dict[str, int]):
    """Set the levels of a record's ratings by indicator code, e.g. {"1.1.1": 3}."""
    levels = {level.value: level for level in record.framework_version.levels.all()}
    for rating in Rating.objects.filter(record=record).select_related("indicator"):
        if rating.indicator.code in values:
            rating.level = levels[values[rating.indicator.code]]
            rating.save(update_fields=["level"])


@pytest.fixture
def version(db):
    return make_framework_version(title="Bakery qualifications")


@pytest.fixture
def plan(world, version):
    return make_assessment_plan(world.placement, version=version)


def _signed(placement, plan, day, title="Assessment"):
    return lock(make_record(placement, plan=plan, assessed_on=day, title=title))


def _url(world):
    return reverse("assessment_development", args=[world.placement.pk])


def test_the_averages_per_competency_follow_the_signed_records(client, world, plan):
    # make_record rates the indicators in code order 1, 2, 3, 1, 2, 3, 1, 2.
    first = _signed(world.placement, plan, date(2026, 3, 1), "Mid-term assessment")
    second = _signed(world.placement, plan, date(2026, 6, 1), "Final assessment")
    _rate(second, dict.fromkeys(["1.1.1", "1.1.2", "1.2.1", "1.2.2", "2.1.1", "2.1.2"], 3) | {"2.2.1": 2, "2.2.2": 1})
    development = development_of(world.supervisor, world.placement)
    assert development.records == [first, second]
    assert [line.label for line in development.lines] == [
        "1.1 Competency 1.1",
        "1.2 Competency 1.2",
        "2.1 Competency 2.1",
        "2.2 Competency 2.2",
    ]
    assert [line.values for line in development.lines] == [[1.5, 3.0], [2.0, 3.0], [2.5, 3.0], [1.5, 1.5]]
    assert development.scale == [(1, "unsatisfactory"), (2, "satisfactory"), (3, "good")]

    client.force_login(world.supervisor)
    response = client.get(_url(world))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Average rating per competency" in page
    assert page.count("<polyline") == 4  # one line per competency
    assert page.count("</title></path>") == 8  # a point per competency per record, named
    for label in ("1.1 Competency 1.1", "2.2 Competency 2.2", "unsatisfactory", "good"):
        assert label in page
    # The table holds the same figures, per record.
    assert "<td>1.5</td><td>2.0</td><td>2.5</td><td>1.5</td>" in page
    assert "<td>3.0</td><td>3.0</td><td>3.0</td><td>1.5</td>" in page
    assert "1 Mar 2026" in page and "1 Jun 2026" in page
    assert reverse("assessment_pdf", args=[second.pk]) in page
    assert "style=" not in page.split("<main", 1)[-1]  # CSP: no inline styles in the page's own content


def test_only_current_signed_records_count(world, plan):
    _signed(world.placement, plan, date(2026, 2, 1), "Signed")
    make_record(world.placement, plan=plan, assessed_on=date(2026, 2, 15), title="Draft")
    make_record(world.placement, plan=plan, assessed_on=date(2026, 2, 20), title="Awaiting", status="awaiting")
    replaced = _signed(world.placement, plan, date(2026, 3, 1), "Replaced")
    AssessmentRecord.objects.filter(pk=replaced.pk).update(status=AssessmentRecord.Status.AMENDED)
    amendment = make_record(
        world.placement, plan=plan, assessed_on=date(2026, 3, 2), title="Amendment", amends=replaced
    )
    lock(amendment)
    standing = _signed(world.placement, plan, date(2026, 4, 1), "Amended, its correction still a draft")
    AssessmentRecord.objects.filter(pk=standing.pk).update(status=AssessmentRecord.Status.AMENDED)
    make_record(world.placement, plan=plan, assessed_on=date(2026, 4, 2), title="Draft correction", amends=standing)
    titles = [record.title for record in development_of(world.supervisor, world.placement).records]
    assert titles == ["Signed", "Amendment", "Amended, its correction still a draft"]


def test_other_placements_of_the_learner_count_where_the_viewer_may_see_them(world, version, plan):
    _signed(world.placement, plan, date(2026, 3, 1), "Here")
    earlier = make_placement(
        school=world.school,
        company=world.other_company,
        learner=world.learner,
        mentor=world.other_mentor,
        supervisor=world.colleague_teacher,
        programme=world.programme,
    )
    _signed(earlier, make_assessment_plan(earlier, version=version), date(2025, 10, 1), "Earlier placement")
    other_learner = make_placement(school=world.school, company=world.company, learner=world.other_learner)
    _signed(other_learner, make_assessment_plan(other_learner, version=version), date(2026, 1, 1), "Someone else")

    def titles(viewer):
        return [record.title for record in development_of(viewer, world.placement).records]

    assert titles(world.supervisor) == ["Earlier placement", "Here"]
    assert titles(world.coordinator) == ["Earlier placement", "Here"]
    assert titles(world.learner) == ["Earlier placement", "Here"]
    assert titles(world.mentor) == ["Here"]  # the other company's placement is not this mentor's to see
    line = development_of(world.supervisor, world.placement).lines[0]
    assert line.label == "1.1 Competency 1.1" and len(line.values) == 2  # one line across both placements


@pytest.mark.parametrize("role", EVERYONE)
def test_access_follows_the_coaching_trajectory(client, world, plan, role):
    _signed(world.placement, plan, date(2026, 3, 1))
    client.force_login(getattr(world, role))
    response = client.get(_url(world))
    assert response.status_code == (200 if role in COACHING_VIEWERS else 404)


def test_the_page_needs_a_login(client, world):
    assert client.get(_url(world)).status_code == 302


def test_without_signed_records_the_page_says_so(client, world, plan):
    make_record(world.placement, plan=plan)
    client.force_login(world.mentor)
    response = client.get(_url(world))
    assert response.status_code == 200
    assert "No signed assessments yet." in response.content.decode()
    assert "<svg viewBox" not in response.content.decode()


def test_the_query_count_does_not_grow_with_the_records(client, world, plan):
    client.force_login(world.supervisor)
    _signed(world.placement, plan, date(2026, 1, 1))
    client.get(_url(world))  # warm up: session, roles
    with CaptureQueriesContext(connection) as one:
        client.get(_url(world))
    for month in range(2, 7):
        _signed(world.placement, plan, date(2026, month, 1))
    with CaptureQueriesContext(connection) as six:
        response = client.get(_url(world))
    assert response.content.decode().count("</title></path>") == 24
    assert len(six) == len(one)


def test_the_chart_puts_values_on_the_scale_and_breaks_lines_at_gaps():
    chart = line_chart(
        ["a", "b", "c"],
        [("Complete", [1.0, 2.0, 3.0]), ("Gap", [3.0, None, 1.0])],
        [(1, "low"), (2, "middle"), (3, "high")],
    )
    complete, gap = chart["series"]
    low, middle, high = (line["y"] for line in chart["gridlines"])
    assert [point.y for point in complete.points] == [low, middle, high]
    assert low > middle > high  # SVG's y grows downwards
    assert len(complete.segments) == 1 and complete.segments[0].count(",") == 3
    assert gap.segments == []  # two single points: nothing to join
    assert [point.index for point in gap.points] == [0, 2]
    assert complete.colour != gap.colour
    assert [tick["label"] for tick in chart["ticks"]] == ["a", "b", "c"]
