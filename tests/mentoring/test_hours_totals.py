"""Totals count only approved hours; the list filters, paginates and costs the same however many hours."""

from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mentoring.hours.selectors import approved_minutes_per_month, hours_awaiting_approval_for_mentor, hours_totals
from mentoring.models import HoursEntry
from tests.factories import make_placement

APPROVED, WAITING, REJECTED = HoursEntry.Status.APPROVED, HoursEntry.Status.SUBMITTED, HoursEntry.Status.REJECTED


def entry(placement, on, start=time(8), end=time(16, 30), break_minutes=30, status=WAITING):
    return HoursEntry(
        placement=placement,
        date=on,
        start_time=start,
        end_time=end,
        break_minutes=break_minutes,
        status=status,
        rejection_reason="Not at work." if status == REJECTED else "",
    )


def days_ago(n):
    return timezone.localdate() - timedelta(days=n)


def test_totals_count_only_approved_hours(world):
    HoursEntry.objects.bulk_create(
        [
            entry(world.placement, days_ago(5), status=APPROVED),  # 8:00
            entry(world.placement, days_ago(4), end=time(12, 15), break_minutes=0, status=APPROVED),  # 4:15
            entry(world.placement, days_ago(3), status=WAITING),  # 8:00
            entry(world.placement, days_ago(2), end=time(10), break_minutes=0, status=REJECTED),  # 2:00
        ]
    )
    totals = hours_totals(world.placement)
    assert (totals.approved_minutes, totals.waiting_minutes, totals.rejected_minutes) == (735, 480, 120)
    assert totals.waiting_count == 1
    assert str(totals.approved_hours) == "12.3"
    assert totals.percent == 1  # 12.25 of 800 hours, rounded down


def test_page_shows_progress_against_the_programmes_required_hours(client, world):
    world.programme.required_hours = 900
    world.programme.save()
    HoursEntry.objects.bulk_create(
        [
            entry(world.placement, days_ago(n), start=time(0), end=time(23, 59), break_minutes=59, status=APPROVED)
            for n in range(1, 14)
        ]
        + [
            entry(world.placement, days_ago(n), start=time(0), end=time(23, 59), break_minutes=59)
            for n in range(14, 20)
        ]
    )
    client.force_login(world.supervisor)
    response = client.get(reverse("mentoring_hours", args=[world.placement.pk]))
    # 13 approved days of 23 hours: 299 hours; the 6 waiting days do not count.
    assert "299 of 900 hours approved (33%)" in response.text
    assert '<progress class="w-100 mb-3" max="900" value="299.0"' in response.text


def test_page_without_required_hours_shows_the_approved_total_only(client, world):
    world.programme.required_hours = 0
    world.programme.save()
    entry(world.placement, days_ago(1), status=APPROVED).save()
    client.force_login(world.learner)
    response = client.get(reverse("mentoring_hours", args=[world.placement.pk]))
    assert "8 hours approved." in response.text
    assert "<progress" not in response.text


def test_totals_of_a_placement_without_hours_are_zero(world):
    totals = hours_totals(world.placement)
    assert (totals.approved_minutes, totals.waiting_count, totals.last_waiting_pk, totals.percent) == (0, 0, None, 0)


def test_approved_minutes_per_month_groups_by_calendar_month(world):
    world.placement.start_date, world.placement.end_date = date(2025, 1, 6), date(2025, 6, 30)
    world.placement.save()
    HoursEntry.objects.bulk_create(
        [
            entry(world.placement, date(2025, 1, 31), status=APPROVED),
            entry(world.placement, date(2025, 2, 3), status=APPROVED),
            entry(world.placement, date(2025, 2, 28), end=time(12, 30), break_minutes=0, status=APPROVED),
            entry(world.placement, date(2025, 2, 27), status=WAITING),
            entry(world.placement, date(2025, 3, 3), status=REJECTED),
        ]
    )
    assert approved_minutes_per_month(world.placement) == [(date(2025, 1, 1), 480), (date(2025, 2, 1), 480 + 270)]


def test_hours_awaiting_approval_are_those_of_the_mentors_placements(world, django_assert_num_queries):
    mine = entry(world.placement, days_ago(2))
    mine.save()
    entry(world.placement, days_ago(3), status=APPROVED).save()
    entry(make_placement(school=world.school, company=world.company, mentor=world.colleague_mentor), days_ago(2)).save()
    with django_assert_num_queries(1):
        waiting = list(hours_awaiting_approval_for_mentor(world.mentor))
        assert [(e.pk, e.placement.learner.email, e.placement.company.name) for e in waiting] == [
            (mine.pk, "learner@example.org", "Bakkerij De Korenschoof")
        ]


def test_list_filters_by_status_and_month(client, world):
    this_month = timezone.localdate().replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    world.placement.start_date = last_month
    world.placement.save()
    HoursEntry.objects.bulk_create(
        [
            entry(world.placement, last_month, status=APPROVED),
            entry(world.placement, last_month + timedelta(days=1)),
            entry(world.placement, this_month, status=APPROVED),
        ]
    )
    client.force_login(world.mentor)
    url = reverse("mentoring_hours", args=[world.placement.pk])
    listed = client.get(url, {"status": "approved", "month": last_month.strftime("%Y-%m")}).context["page"]
    assert [e.date for e in listed.object_list] == [last_month]
    assert len(client.get(url, {"status": "approved"}).context["page"].object_list) == 2
    assert client.get(url, {"month": "1999-01"}).status_code == 200  # a month outside the period is ignored


def test_list_is_paginated_newest_first(client, world):
    HoursEntry.objects.bulk_create(
        [
            entry(world.placement, days_ago(n % 30), start=time(n // 30), end=time(n // 30, 50), break_minutes=0)
            for n in range(120)
        ]
    )
    client.force_login(world.learner)
    url = reverse("mentoring_hours", args=[world.placement.pk])
    first = client.get(url).context["page"]
    assert len(first.object_list) == 50
    assert first.paginator.num_pages == 3
    assert first.object_list[0].date == days_ago(0)
    assert first.object_list[0].start_time == time(3)
    assert len(client.get(url, {"page": 3}).context["page"].object_list) == 20


def add_many(placement, count):
    HoursEntry.objects.bulk_create(
        [
            entry(
                placement,
                days_ago(n % 30),
                start=time(n // 30 * 2),
                end=time(n // 30 * 2 + 1),
                break_minutes=0,
                status=[APPROVED, WAITING, REJECTED][n % 3],
            )
            for n in range(count)
        ]
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["learner", "mentor", "supervisor", "staff"])
def test_hours_page_queries_do_not_grow_with_200_entries(client, world, who, django_assert_max_num_queries):
    client.force_login(getattr(world, who))
    url = reverse("mentoring_hours", args=[world.placement.pk])
    add_many(world.placement, 1)
    few = count_queries(client, url)
    HoursEntry.objects.all().delete()
    add_many(world.placement, 200)
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200
    assert count_queries(client, url) == few
