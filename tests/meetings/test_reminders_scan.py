"""The reminder scan decides and records: who is reminded of what, when, and never twice.

Delivery is not under test here (the `db` fixture never commits, so nothing is queued); see
test_reminders_delivery.py for the worker.
"""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from meetings.models import Meeting, Minutes, Participant, PlacementAlert, ReminderLog
from meetings.reminders.scan import MAX_ATTEMPTS, scan
from meetings.reminders.selectors import quiet_placements_for
from tests.factories import make_placement

from .factories_meetings import add_guest, meeting_at, row
from .factories_reminders import many_meetings, minutes_of, set_rules, wall_clock

LONG_AGO = datetime(2026, 1, 5, 9, tzinfo=UTC)


def logged(**filters) -> list[tuple[str, str]]:
    return sorted(ReminderLog.objects.filter(**filters).values_list("participant__email", "kind"))


def scan_at(moment):
    with time_machine.travel(moment, tick=False):
        return scan()


@pytest.fixture
def dst_meeting(world):
    """10:00 on Monday 29 March 2027, the day after summer time starts; planned long before."""
    return meeting_at(world.placement, wall_clock(2027, 3, 29, 10), created_at=LONG_AGO)


def test_the_week_reminder_across_the_spring_change_is_due_at_ten_local_not_an_hour_off(world, dst_meeting):
    assert scan_at(datetime(2027, 3, 22, 8, 59, tzinfo=UTC))["before"] == 0
    assert ReminderLog.objects.count() == 0

    counts = scan_at(datetime(2027, 3, 22, 9, 0, tzinfo=UTC))  # 10:00 in Amsterdam, still winter time
    assert counts["before"] == 3
    assert logged() == [
        ("learner@example.org", "before_7d"),
        ("mentor@example.org", "before_7d"),
        ("supervisor@example.org", "before_7d"),
    ]
    assert {log.due_at for log in ReminderLog.objects.all()} == {wall_clock(2027, 3, 22, 10)}


def test_the_second_scan_right_after_records_and_queues_nothing(world, dst_meeting):
    first = scan_at(wall_clock(2027, 3, 22, 10))
    assert (first["before"], first["queued"]) == (3, 3)
    second = scan_at(wall_clock(2027, 3, 22, 10, 1))
    assert second == dict.fromkeys(second, 0)
    assert ReminderLog.objects.count() == 3


def test_the_day_before_reminder_follows_the_week_reminder(world, dst_meeting):
    scan_at(wall_clock(2027, 3, 22, 10))
    scan_at(wall_clock(2027, 3, 28, 9, 59))
    assert ReminderLog.objects.filter(kind="before_1d").count() == 0
    assert scan_at(wall_clock(2027, 3, 28, 10))["before"] == 3
    assert ReminderLog.objects.filter(kind="before_1d").count() == 3


@pytest.mark.parametrize("level", [User.NotificationLevel.NONE, User.NotificationLevel.ESSENTIAL])
def test_someone_who_chose_fewer_notifications_gets_no_reminder_recorded(world, dst_meeting, level):
    world.mentor.notification_level = level
    world.mentor.save(update_fields=["notification_level"])
    scan_at(wall_clock(2027, 3, 22, 10))
    assert [email for email, _kind in logged()] == ["learner@example.org", "supervisor@example.org"]


def test_guests_without_an_account_are_reminded_but_people_who_declined_or_left_are_not(world, dst_meeting):
    add_guest(dst_meeting)
    Participant.objects.filter(meeting=dst_meeting, user=world.learner).update(response=Participant.Response.DECLINED)
    world.supervisor.is_active = False
    world.supervisor.save(update_fields=["is_active"])
    scan_at(wall_clock(2027, 3, 22, 10))
    assert [email for email, _kind in logged()] == ["mentor@example.org", "owner@korenschoof.example"]


def test_cancelled_meetings_and_meetings_planned_after_the_moment_get_no_reminder(world):
    meeting_at(world.placement, wall_clock(2027, 3, 29, 10), created_at=LONG_AGO, status=Meeting.Status.CANCELLED)
    late = make_placement(school=world.school, company=world.company, programme=world.programme)
    meeting_at(late, wall_clock(2027, 3, 29, 10), created_at=wall_clock(2027, 3, 25, 9))
    assert scan_at(wall_clock(2027, 3, 26, 10))["before"] == 0
    assert scan_at(wall_clock(2027, 3, 28, 10))["before"] == 3  # the day-before reminder still comes


def test_the_schools_own_offsets_are_used(world, dst_meeting):
    set_rules(world.school, reminder_offsets_days=[3])
    assert scan_at(wall_clock(2027, 3, 22, 10))["before"] == 0
    scan_at(wall_clock(2027, 3, 26, 10))
    assert {kind for _email, kind in logged()} == {"before_3d"}


def test_missing_minutes_are_asked_of_organiser_mentor_and_supervisor_two_days_after_the_end(world):
    meeting = meeting_at(world.placement, wall_clock(2027, 3, 10, 10), created_at=LONG_AGO, organiser=world.coordinator)
    add_guest(meeting, email=world.coordinator.email, name="Coordinator", user=world.coordinator)
    add_guest(meeting)  # another guest is not asked
    assert scan_at(wall_clock(2027, 3, 12, 10, 44))["minutes_missing"] == 0  # 45 minutes long: ends 10:45
    assert scan_at(wall_clock(2027, 3, 12, 10, 45))["minutes_missing"] == 3
    assert logged(kind="minutes_missing") == [
        ("coordinator@example.org", "minutes_missing"),
        ("mentor@example.org", "minutes_missing"),
        ("supervisor@example.org", "minutes_missing"),
    ]


def test_no_minutes_reminder_when_minutes_exist_or_the_meeting_was_cancelled(world):
    written = meeting_at(world.placement, wall_clock(2027, 3, 10, 10), created_at=LONG_AGO)
    minutes_of(written, status=Minutes.Status.DRAFT)
    meeting_at(world.placement, wall_clock(2027, 3, 10, 14), created_at=LONG_AGO, status=Meeting.Status.CANCELLED)
    assert scan_at(wall_clock(2027, 3, 13, 10))["minutes_missing"] == 0


def test_unconfirmed_minutes_are_reminded_every_three_days_to_those_who_have_not_confirmed(world):
    meeting = meeting_at(world.placement, wall_clock(2027, 3, 10, 10), created_at=LONG_AGO)
    minutes = minutes_of(meeting, submitted_at=wall_clock(2027, 3, 11, 16), confirmed_by=[world.mentor])
    assert scan_at(wall_clock(2027, 3, 14, 15, 59))["confirm_minutes"] == 0
    assert scan_at(wall_clock(2027, 3, 14, 16))["confirm_minutes"] == 2
    assert logged(kind="confirm_minutes_1") == [
        ("learner@example.org", "confirm_minutes_1"),
        ("supervisor@example.org", "confirm_minutes_1"),
    ]
    minutes.confirmations.create(participant=row(meeting, world.learner))
    assert scan_at(wall_clock(2027, 3, 15, 16))["confirm_minutes"] == 0
    scan_at(wall_clock(2027, 3, 17, 16))
    assert logged(kind="confirm_minutes_2") == [("supervisor@example.org", "confirm_minutes_2")]
    Minutes.objects.filter(pk=minutes.pk).update(status=Minutes.Status.CONFIRMED)
    assert scan_at(wall_clock(2027, 3, 20, 16))["confirm_minutes"] == 0


@pytest.fixture
def quiet_placement(world):
    """Active since Monday 4 January 2027 and never a meeting."""
    world.placement.start_date, world.placement.end_date = date(2027, 1, 4), date(2027, 12, 1)
    world.placement.save(update_fields=["start_date", "end_date"])
    return world.placement


def test_the_no_meeting_alert_goes_to_the_supervisor_once_per_period(world, quiet_placement):
    assert scan_at(wall_clock(2027, 3, 14, 23, 59))["no_meeting"] == 0
    assert scan_at(wall_clock(2027, 3, 15))["no_meeting"] == 1  # ten weeks after the start
    assert scan_at(wall_clock(2027, 3, 15, 0, 5))["no_meeting"] == 0
    assert scan_at(wall_clock(2027, 5, 1))["no_meeting"] == 0
    assert scan_at(wall_clock(2027, 5, 24))["no_meeting"] == 1  # another ten weeks
    assert list(PlacementAlert.objects.order_by("period").values_list("kind", "period")) == [
        ("no_meeting", "2027-W11"),
        ("no_meeting", "2027-W21"),
    ]


def test_the_no_meeting_alert_counts_from_the_last_meeting_and_waits_while_one_is_planned(world, quiet_placement):
    meeting_at(quiet_placement, wall_clock(2027, 2, 1, 10), created_at=LONG_AGO)
    assert scan_at(wall_clock(2027, 4, 12, 9, 59))["no_meeting"] == 0
    planned = meeting_at(quiet_placement, wall_clock(2027, 4, 20, 10), created_at=LONG_AGO)
    assert scan_at(wall_clock(2027, 4, 12, 10))["no_meeting"] == 0
    Meeting.objects.filter(pk=planned.pk).update(status=Meeting.Status.CANCELLED, cancelled_reason="Ill")
    assert scan_at(wall_clock(2027, 4, 12, 10))["no_meeting"] == 1
    assert PlacementAlert.objects.get().period == "2027-W15"


@pytest.mark.parametrize(("level", "alerted"), [("essential", 1), ("none", 0)])
def test_the_alert_is_essential_news(world, quiet_placement, level, alerted):
    world.supervisor.notification_level = level
    world.supervisor.save(update_fields=["notification_level"])
    assert scan_at(wall_clock(2027, 3, 15))["no_meeting"] == alerted


def test_an_unsent_reminder_is_queued_again_after_fifteen_minutes_and_given_up_after_many_attempts(world, dst_meeting):
    assert scan_at(wall_clock(2027, 3, 22, 10))["queued"] == 3
    assert scan_at(wall_clock(2027, 3, 22, 10, 14))["queued"] == 0
    assert scan_at(wall_clock(2027, 3, 22, 10, 16))["queued"] == 3  # the broker lost them, or a worker died
    ReminderLog.objects.filter(participant__user=world.mentor).update(attempts=MAX_ATTEMPTS)
    ReminderLog.objects.filter(participant__user=world.learner).update(sent_at=wall_clock(2027, 3, 22, 10, 17))
    assert scan_at(wall_clock(2027, 3, 22, 10, 40))["queued"] == 1


def _queries_of_a_scan(moment) -> int:
    with time_machine.travel(moment, tick=False), CaptureQueriesContext(connection) as queries:
        counts = scan()
    assert counts["before"] > 0
    return len(queries)


@pytest.mark.parametrize("count", [10, 100])
def test_the_scan_takes_the_same_few_queries_for_10_or_100_meetings(world, count, django_assert_max_num_queries):
    many_meetings(world, count, wall_clock(2027, 3, 29, 10), created_at=LONG_AGO)
    # 13: one of them writes the outbox rows of all the batches at once.
    with django_assert_max_num_queries(13), time_machine.travel(wall_clock(2027, 3, 22, 10), tick=False):
        counts = scan()
    assert counts["before"] == counts["queued"] == 3 * count


def test_the_query_count_does_not_grow_with_the_meetings(world):
    meeting_at(world.placement, wall_clock(2027, 5, 3, 10), created_at=LONG_AGO)  # no alert about it in either scan
    many_meetings(world, 5, wall_clock(2027, 3, 29, 10), created_at=LONG_AGO)
    few = _queries_of_a_scan(wall_clock(2027, 3, 22, 10))
    many_meetings(world, 60, wall_clock(2027, 3, 30, 10), created_at=LONG_AGO)
    assert _queries_of_a_scan(wall_clock(2027, 3, 23, 10)) == few


def test_the_dashboard_lists_quiet_placements_to_their_supervisor_until_a_meeting_is_planned(
    world, quiet_placement, django_assert_num_queries
):
    scan_at(wall_clock(2027, 3, 15))
    with django_assert_num_queries(1):
        assert [p.pk for p in quiet_placements_for(world.supervisor)] == [quiet_placement.pk]
    assert list(quiet_placements_for(world.colleague_teacher)) == []
    with time_machine.travel(wall_clock(2027, 3, 16, 9), tick=False):  # planned the day after the alert
        meeting_at(quiet_placement, wall_clock(2027, 4, 1, 10))
    assert list(quiet_placements_for(world.supervisor)) == []
