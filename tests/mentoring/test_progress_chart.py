"""The hours chart keeps small values visible: 1.5 coached hours next to 52 approved hours (issue 12)."""

import re
from datetime import date, time, timedelta

from django.urls import reverse
from django.utils import timezone, translation

from mentoring.models import CoachingSession, HoursEntry
from mentoring.progress.charts import MIN_BAR, monthly_bar_chart, monthly_bar_charts

MARCH, APRIL = date(2026, 3, 1), date(2026, 4, 1)


def test_each_series_has_its_own_scale_so_small_values_are_tall_enough():
    coached, approved = monthly_bar_charts([MARCH, APRIL], [{MARCH: 1.5}, {MARCH: 52.0, APRIL: 40.0}])
    small = coached["bars"][0]
    assert coached["scale_max"] == 2 and approved["scale_max"] == 80
    plot_height = coached["gridlines"][0]["y"] - coached["gridlines"][-1]["y"]
    assert small.height == round(plot_height * 1.5 / 2, 1)  # three quarters of its chart, not 2 px
    assert small.height >= 50
    assert approved["bars"][0].height == round(plot_height * 52 / 80, 1)
    assert [line["value"] for line in coached["gridlines"]] == ["0", "0.5", "1", "1.5", "2"]


def test_every_bar_above_zero_is_visible_and_labelled_with_its_value():
    chart = monthly_bar_chart([MARCH, APRIL], {MARCH: 0.1, APRIL: 1000.0})
    tiny, big = chart["bars"]
    assert tiny.height >= MIN_BAR >= 3
    assert (tiny.label, big.label) == ("0.1", "1000")
    empty = monthly_bar_chart([MARCH], {})["bars"][0]
    assert (empty.height, empty.label) == (0, "")


def test_value_labels_follow_the_language():
    with translation.override("nl"):
        chart = monthly_bar_chart([MARCH], {MARCH: 1.5})
    assert chart["bars"][0].label == "1,5"


def _add(world, day, minutes=None, hours=None):
    if minutes:
        CoachingSession.objects.create(
            placement=world.placement,
            date=day,
            duration_minutes=minutes,
            coached_by=world.mentor,
            activities="x",
            created_by=world.mentor,
        )
    if hours:
        HoursEntry.objects.create(
            placement=world.placement, date=day, start_time=time(8), end_time=time(8 + hours), status="approved"
        )


def test_the_progress_page_draws_the_small_coaching_bar_visibly(client, world):
    month = timezone.localdate().replace(day=1)  # within the placement, and one month for every entry
    _add(world, month, minutes=90)
    for offset in range(6):  # 6 × 8 = 48 approved hours in the same month
        _add(world, month + timedelta(days=offset), hours=8)
    client.force_login(world.mentor)
    page = client.get(reverse("mentoring_progress", args=[world.placement.pk])).text
    assert page.count('role="img"') >= 2  # a chart per series
    assert "Coached hours per month" in page and "Approved placement hours per month" in page
    heights = {
        title: float(height)
        for height, title in re.findall(r'<rect [^>]*height="([\d.]+)"[^>]*><title>([^<]+)</title>', page)
    }
    assert heights["1.5"] >= 50  # on its own scale, not a sliver beside 48 hours
    assert heights["48"] >= 50
    assert re.search(r"<text [^>]*>1\.5</text>", page)  # the value is written on the chart too
