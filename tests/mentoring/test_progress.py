from datetime import time, timedelta

import pytest
from django.urls import reverse

from mentoring.models import CoachingSession, HoursEntry
from tests.cast import COACHING_VIEWERS

VIEWERS = COACHING_VIEWERS


def add_session(world, day, minutes):
    return CoachingSession.objects.create(
        placement=world.placement,
        date=day,
        duration_minutes=minutes,
        coached_by=world.mentor,
        activities="x",
        created_by=world.mentor,
    )


def add_hours(world, day, status, start=8, end=12):
    return HoursEntry.objects.create(
        placement=world.placement,
        date=day,
        start_time=time(start),
        end_time=time(end),
        status=status,
        rejection_reason="No" if status == "rejected" else "",
    )


@pytest.mark.parametrize(
    "who", ["learner", "mentor", "supervisor", "coordinator", "company_admin", "other_mentor", "outsider", "staff"]
)
def test_progress_page_access(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("mentoring_progress", args=[world.placement.pk]))
    assert response.status_code == (200 if who in VIEWERS else 404)


def test_chart_counts_coached_hours_and_only_approved_placement_hours(client, world):
    start = world.placement.start_date
    add_session(world, start, 90)
    add_session(world, start + timedelta(days=1), 30)
    add_hours(world, start, "approved")
    add_hours(world, start + timedelta(days=1), "submitted")
    add_hours(world, start + timedelta(days=2), "rejected")
    client.force_login(world.supervisor)
    response = client.get(reverse("mentoring_progress", args=[world.placement.pk]))
    first_month = start.replace(day=1)
    rows = {month: (coached, approved) for month, coached, approved in response.context["rows"]}
    assert rows[first_month] == (2.0, 4.0)
    assert response.context["sessions"] == {"count": 2, "hours": 2.0}
    assert "<svg" in response.text and "<rect" in response.text


def test_progress_page_queries_do_not_grow_with_history(client, world, django_assert_max_num_queries):
    start = world.placement.start_date
    for offset in range(60):
        add_session(world, start + timedelta(days=offset % 30), 30)
        add_hours(
            world,
            start + timedelta(days=offset % 30),
            "approved",
            start=7 + offset // 30 * 6,
            end=11 + offset // 30 * 6,
        )
    client.force_login(world.mentor)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("mentoring_progress", args=[world.placement.pk])).status_code == 200
