"""Series with the same values stay visible in the development chart: own marker shape, side by side (issue 12)."""

import re
from datetime import date

from django.urls import reverse

from assessments.progress.charts import SHAPES, line_chart

from .factories_assessments import lock, make_assessment_plan, make_framework_version, make_record

SCALE = [(1, "low"), (2, "middle"), (3, "high")]


def test_series_with_equal_values_do_not_cover_each_other():
    chart = line_chart(["a", "b"], [("First", [2.0, 3.0]), ("Second", [2.0, 3.0]), ("Third", [2.0, 3.0])], SCALE)
    first, second, third = chart["series"]
    for index in range(2):
        xs = [series.points[index].x for series in (first, second, third)]
        ys = {series.points[index].y for series in (first, second, third)}
        assert len(ys) == 1  # the same value, so the same height ...
        assert xs == sorted(xs) and len(set(xs)) == 3  # ... but side by side
        assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) >= 8  # further apart than a marker is wide
        tick = chart["ticks"][index]["x"]
        assert xs[1] == tick  # centred around the label
    assert len({series.shape for series in chart["series"]}) == 3
    markers = [series.points[0].marker for series in chart["series"]]
    assert len(set(markers)) == 3 and all(marker.startswith("M") and marker.endswith("Z") for marker in markers)
    assert len({series.legend_marker for series in chart["series"]}) == 3


def test_shapes_come_back_hollow_after_a_round():
    series = [(f"S{n}", [1.0]) for n in range(len(SHAPES) + 1)]
    drawn = line_chart(["a"], series, SCALE)["series"]
    assert [line.hollow for line in drawn] == [False] * len(SHAPES) + [True]
    assert drawn[0].shape == drawn[len(SHAPES)].shape


def test_one_series_stays_on_its_label():
    chart = line_chart(["a"], [("Only", [1.0])], SCALE)
    assert chart["series"][0].points[0].x == chart["ticks"][0]["x"]


def test_the_page_draws_every_competency_with_its_own_marker(client, world):
    # Two areas × two competencies rated alike: four lines with the same averages on one record.
    version = make_framework_version(title="Bakery qualifications")
    plan = make_assessment_plan(world.placement, version=version)
    record = make_record(world.placement, plan=plan, assessed_on=date(2026, 3, 1))
    level = version.levels.get(value=2)
    record.ratings.update(level=level)
    lock(record)
    client.force_login(world.mentor)
    page = client.get(reverse("assessment_development", args=[world.placement.pk])).text
    markers = re.findall(r'<path d="([^"]+)"[^>]*data-series="(\d)" data-shape="([\w-]+)"[^>]*><title>', page)
    assert len(markers) == 4
    assert len({d for d, _series, _shape in markers}) == 4  # no two markers drawn on top of each other
    assert len({shape for _d, _series, shape in markers}) == 4
    assert {series for _d, series, _shape in markers} == {"0", "1", "2", "3"}
