"""The rules of recording, correcting and deleting placement hours, as the learner meets them."""

from datetime import time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from mentoring.hours.services import hours_entry_delete, hours_entry_submit, hours_entry_update
from mentoring.models import HoursEntry
from placements.models import Placement
from tests.factories import CompanyFactory, make_placement


def day(days_ago):
    return timezone.localdate() - timedelta(days=days_ago)


def entry(placement, days_ago=2, start=time(8), end=time(12), status=HoursEntry.Status.SUBMITTED, **kwargs):
    if status == HoursEntry.Status.REJECTED:
        kwargs.setdefault("rejection_reason", "Not at work that day.")
    return HoursEntry.objects.create(
        placement=placement, date=day(days_ago), start_time=start, end_time=end, status=status, **kwargs
    )


def data(days_ago=1, start="08:00", end="16:30", break_minutes=30, description="Baked bread"):
    return {
        "date": day(days_ago).isoformat(),
        "start_time": start,
        "end_time": end,
        "break_minutes": break_minutes,
        "description": description,
    }


@pytest.fixture
def learner_client(client, world):
    client.force_login(world.learner)
    return client


def record(client, placement, **kwargs):
    return client.post(reverse("mentoring_hours", args=[placement.pk]), data(**kwargs))


def form_errors(response):
    return response.context["record_form"].errors


def test_learner_records_a_day_of_work(learner_client, world):
    response = record(learner_client, world.placement)
    assert response.status_code == 302
    saved = HoursEntry.objects.get(placement=world.placement)
    assert (saved.date, saved.start_time, saved.end_time, saved.break_minutes) == (day(1), time(8), time(16, 30), 30)
    assert saved.status == HoursEntry.Status.SUBMITTED
    assert saved.minutes == 480


@pytest.mark.parametrize("end", ["08:00", "07:30"])
def test_end_time_must_be_after_start_time(learner_client, world, end):
    response = record(learner_client, world.placement, end=end, break_minutes=0)
    assert response.status_code == 200
    assert form_errors(response)["end_time"] == ["The end time must be after the start time."]
    assert not HoursEntry.objects.exists()


def test_a_day_in_the_future_is_refused(learner_client, world):
    response = record(learner_client, world.placement, days_ago=-1)
    assert "today or an earlier day" in form_errors(response)["date"][0]
    assert not HoursEntry.objects.exists()


def test_today_is_allowed(learner_client, world):
    assert record(learner_client, world.placement, days_ago=0).status_code == 302


def test_a_day_before_the_placement_started_is_refused(learner_client, world):
    response = record(learner_client, world.placement, days_ago=31)
    assert "within the placement period" in form_errors(response)["date"][0]
    assert not HoursEntry.objects.exists()


def test_a_day_after_the_end_date_is_refused(learner_client, world):
    world.placement.start_date, world.placement.end_date = day(60), day(10)
    world.placement.status = Placement.Status.COMPLETED
    world.placement.save()
    response = record(learner_client, world.placement, days_ago=5)
    assert "within the placement period" in form_errors(response)["date"][0]


def test_a_day_after_ending_early_is_refused(learner_client, world):
    world.placement.status = Placement.Status.ENDED_EARLY
    world.placement.ended_on = day(10)
    world.placement.end_reason = "Moved to another city."
    world.placement.save()
    response = record(learner_client, world.placement, days_ago=5)
    assert "within the placement period" in form_errors(response)["date"][0]
    assert record(learner_client, world.placement, days_ago=12).status_code == 302


def test_a_completed_placement_takes_hours_within_its_period(learner_client, world):
    world.placement.start_date, world.placement.end_date = day(60), day(10)
    world.placement.status = Placement.Status.COMPLETED
    world.placement.save()
    assert record(learner_client, world.placement, days_ago=12).status_code == 302


def test_a_planned_placement_takes_no_hours(learner_client, world):
    world.placement.status = Placement.Status.PLANNED
    world.placement.save()
    response = record(learner_client, world.placement)
    assert response.status_code == 200
    assert "once the placement has started" in response.text
    assert not HoursEntry.objects.exists()


@pytest.mark.parametrize(
    ("start", "end"), [("09:00", "11:00"), ("07:00", "09:00"), ("11:59", "13:00"), ("07:00", "13:00")]
)
def test_hours_overlapping_earlier_hours_of_that_day_are_refused(learner_client, world, start, end):
    entry(world.placement, days_ago=1, start=time(8), end=time(12))
    response = record(learner_client, world.placement, start=start, end=end, break_minutes=0)
    assert response.status_code == 200
    assert "overlap with hours already recorded" in form_errors(response)["__all__"][0]
    assert HoursEntry.objects.count() == 1


def test_approved_hours_also_block_an_overlap(learner_client, world):
    entry(world.placement, days_ago=1, status=HoursEntry.Status.APPROVED)
    response = record(learner_client, world.placement, start="10:00", end="14:00", break_minutes=0)
    assert "overlap" in form_errors(response)["__all__"][0]


def test_rejected_hours_do_not_block_the_corrected_hours(learner_client, world):
    entry(world.placement, days_ago=1, status=HoursEntry.Status.REJECTED)
    assert record(learner_client, world.placement, start="08:00", end="12:00", break_minutes=0).status_code == 302


def test_hours_that_only_touch_are_not_an_overlap(learner_client, world):
    entry(world.placement, days_ago=1, start=time(8), end=time(12))
    assert record(learner_client, world.placement, start="12:00", end="16:00", break_minutes=0).status_code == 302


def test_overlap_counts_across_the_learners_placements(learner_client, world):
    earlier = make_placement(
        school=world.school,
        company=CompanyFactory(),
        learner=world.learner,
        supervisor=world.supervisor,
        programme=world.programme,
        start_date=day(40),
        end_date=day(5),
        status=Placement.Status.COMPLETED,
    )
    entry(earlier, days_ago=7, start=time(13), end=time(17))
    response = record(learner_client, world.placement, days_ago=7, start="08:00", end="14:00", break_minutes=0)
    assert "overlap" in form_errors(response)["__all__"][0]


def test_hours_of_another_learner_on_the_same_day_do_not_overlap(learner_client, world):
    other = make_placement(school=world.school, company=world.company, learner=world.other_learner)
    entry(other, days_ago=1)
    assert record(learner_client, world.placement, start="08:00", end="12:00", break_minutes=0).status_code == 302


@pytest.mark.parametrize("break_minutes", [240, 300])
def test_break_must_be_shorter_than_the_worked_span(learner_client, world, break_minutes):
    response = record(learner_client, world.placement, start="08:00", end="12:00", break_minutes=break_minutes)
    assert "break must be shorter" in form_errors(response)["break_minutes"][0]
    assert not HoursEntry.objects.exists()


def test_seconds_are_dropped_from_times(learner_client, world):
    record(learner_client, world.placement, start="08:00:30", end="12:00:59", break_minutes=0)
    saved = HoursEntry.objects.get()
    assert (saved.start_time, saved.end_time) == (time(8), time(12))


def test_service_refuses_bad_hours_whoever_calls(world):
    with pytest.raises(ValidationError) as exc:
        hours_entry_submit(
            placement=world.placement,
            data={"date": day(-3), "start_time": time(12), "end_time": time(8), "break_minutes": 0},
        )
    assert set(exc.value.message_dict) == {"date", "end_time"}
    assert not HoursEntry.objects.exists()


def test_learner_corrects_waiting_hours(learner_client, world):
    waiting = entry(world.placement, days_ago=2, start=time(8), end=time(12))
    url = reverse("mentoring_hours_edit", args=[world.placement.pk, waiting.pk])
    response = learner_client.post(url, data(days_ago=2, start="09:00", end="13:00", break_minutes=15))
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert (waiting.start_time, waiting.end_time, waiting.break_minutes) == (time(9), time(13), 15)


def test_correcting_into_another_entry_is_refused(learner_client, world):
    entry(world.placement, days_ago=2, start=time(13), end=time(17))
    waiting = entry(world.placement, days_ago=2, start=time(8), end=time(12))
    url = reverse("mentoring_hours_edit", args=[world.placement.pk, waiting.pk])
    response = learner_client.post(url, data(days_ago=2, start="08:00", end="14:00", break_minutes=0))
    assert response.status_code == 200
    assert "overlap" in response.context["form"].errors["__all__"][0]
    waiting.refresh_from_db()
    assert waiting.end_time == time(12)


@pytest.mark.parametrize("status", [HoursEntry.Status.APPROVED, HoursEntry.Status.REJECTED])
def test_decided_hours_cannot_be_edited_or_deleted(learner_client, world, status):
    decided = entry(world.placement, status=status)
    edit_url = reverse("mentoring_hours_edit", args=[world.placement.pk, decided.pk])
    assert learner_client.get(edit_url).status_code == 403
    assert learner_client.post(edit_url, data(days_ago=2, end="13:00")).status_code == 403
    assert (
        learner_client.post(reverse("mentoring_hours_delete", args=[world.placement.pk, decided.pk])).status_code == 403
    )
    decided.refresh_from_db()
    assert decided.end_time == time(12)


def test_hours_approved_meanwhile_cannot_be_changed_by_the_service(world):
    waiting = entry(world.placement)
    HoursEntry.objects.filter(pk=waiting.pk).update(status=HoursEntry.Status.APPROVED)
    with pytest.raises(PermissionDenied):
        hours_entry_update(entry=waiting, data={"end_time": time(13)})
    with pytest.raises(PermissionDenied):
        hours_entry_delete(entry=waiting)
    assert HoursEntry.objects.get(pk=waiting.pk).end_time == time(12)


def test_learner_deletes_waiting_hours(learner_client, world):
    waiting = entry(world.placement)
    response = learner_client.post(reverse("mentoring_hours_delete", args=[world.placement.pk, waiting.pk]))
    assert response.status_code == 302
    assert not HoursEntry.objects.filter(pk=waiting.pk).exists()


def test_record_form_is_offered_only_to_the_learner(client, world):
    url = reverse("mentoring_hours", args=[world.placement.pk])
    client.force_login(world.learner)
    assert client.get(url).context["record_form"] is not None
    client.force_login(world.mentor)
    page = client.get(url)
    assert page.context["record_form"] is None
    assert "Record hours" not in page.text


def test_actions_keep_the_filter_the_learner_came_from(learner_client, world):
    waiting = entry(world.placement)
    url = reverse("mentoring_hours_delete", args=[world.placement.pk, waiting.pk])
    response = learner_client.post(f"{url}?status=submitted&page=1")
    assert response.url == reverse("mentoring_hours", args=[world.placement.pk]) + "?status=submitted&page=1"
