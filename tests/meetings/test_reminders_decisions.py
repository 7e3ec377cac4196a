"""The scan's pure decisions: when each reminder is due, on the Dutch wall clock."""

from datetime import UTC, datetime, timedelta

import pytest

from meetings.models import MeetingSettings
from meetings.reminders.rules import (
    RuleBook,
    alert_due,
    before_due,
    clean_offsets,
    confirm_due,
    local_shift,
    minutes_due,
)

from .factories_reminders import wall_clock

OFFSETS = (1, 7)
LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)


def test_a_week_before_a_meeting_after_the_spring_change_is_the_same_local_hour():
    # Summer time starts on Sunday 28 March 2027: 10:00 on the 29th is 08:00 UTC, 10:00 on the 22nd is 09:00 UTC.
    starts_at = wall_clock(2027, 3, 29, 10)
    assert local_shift(starts_at, days=-7) == datetime(2027, 3, 22, 9, 0, tzinfo=UTC)
    assert starts_at - local_shift(starts_at, days=-7) == timedelta(days=7, hours=-1)


def test_a_week_before_a_meeting_after_the_autumn_change_is_the_same_local_hour():
    starts_at = wall_clock(2027, 11, 2, 10)  # winter time since Sunday 31 October
    assert local_shift(starts_at, days=-7) == wall_clock(2027, 10, 26, 10)
    assert local_shift(starts_at, days=-7) == datetime(2027, 10, 26, 8, 0, tzinfo=UTC)


def test_the_seven_day_reminder_is_due_exactly_at_the_local_hour_and_not_before():
    starts_at = wall_clock(2027, 3, 29, 10)
    due = datetime(2027, 3, 22, 9, 0, tzinfo=UTC)
    assert before_due(starts_at, LONG_AGO, OFFSETS, due - timedelta(seconds=1)) is None
    assert before_due(starts_at, LONG_AGO, OFFSETS, due) == ("before_7d", due)


def test_only_the_nearest_reminder_that_is_due_is_sent():
    starts_at = wall_clock(2027, 6, 10, 14)
    now = wall_clock(2027, 6, 9, 15)  # both "7 days" and "1 day" have passed
    assert before_due(starts_at, LONG_AGO, OFFSETS, now) == ("before_1d", wall_clock(2027, 6, 9, 14).astimezone(UTC))


def test_no_reminder_once_the_meeting_has_started():
    starts_at = wall_clock(2027, 6, 10, 14)
    assert before_due(starts_at, LONG_AGO, OFFSETS, starts_at) is None


def test_a_meeting_planned_after_the_reminder_moment_gets_no_reminder_for_it():
    starts_at = wall_clock(2027, 6, 10, 14)
    planned = wall_clock(2027, 6, 7, 9)  # three days ahead: the invitation is newer than "7 days before"
    assert before_due(starts_at, planned, OFFSETS, wall_clock(2027, 6, 7, 9, 5)) is None
    assert before_due(starts_at, planned, OFFSETS, wall_clock(2027, 6, 9, 14))[0] == "before_1d"


def test_minutes_are_missed_two_local_days_after_the_end_and_not_after_two_weeks():
    ends_at = wall_clock(2027, 3, 26, 11)  # the clocks change in between
    due = wall_clock(2027, 3, 28, 11)
    assert minutes_due(ends_at, 2, due - timedelta(minutes=1)) is None
    assert minutes_due(ends_at, 2, due) == due.astimezone(UTC)
    assert minutes_due(ends_at, 2, due + timedelta(days=14)) is None


@pytest.mark.parametrize(
    ("days_after", "expected"),
    [
        (2, None),
        (3, "confirm_minutes_1"),
        (5, "confirm_minutes_1"),
        (6, "confirm_minutes_2"),
        (10, "confirm_minutes_3"),
    ],
)
def test_confirmation_rounds_count_from_the_submission(days_after, expected):
    submitted = wall_clock(2027, 3, 20, 16)
    found = confirm_due(submitted, 3, wall_clock(2027, 3, 20 + days_after, 16))
    assert (found[0] if found else None) == expected


def test_alert_periods_are_the_iso_week_of_each_n_weeks_since_the_last_meeting():
    last = wall_clock(2027, 1, 4, 10)  # Monday of week 1
    assert alert_due(last, 10, wall_clock(2027, 3, 15, 9)) is None
    assert alert_due(last, 10, wall_clock(2027, 3, 15, 10))[0] == "2027-W11"
    assert alert_due(last, 10, wall_clock(2027, 5, 20, 10))[0] == "2027-W11"  # the same period until 10 more weeks
    assert alert_due(last, 10, wall_clock(2027, 5, 24, 10))[0] == "2027-W21"


@pytest.mark.parametrize(
    ("value", "expected"),
    [([7, 1], (1, 7)), (["3", 3, 14], (3, 14)), ([True, -1, 400, "x", 2.5, None], ()), ("7", ()), (None, ())],
)
def test_offsets_typed_by_a_school_are_cleaned(value, expected):
    assert clean_offsets(value) == expected


def test_schools_without_settings_use_the_model_defaults():
    rules = RuleBook([])
    assert rules[12345].offsets == (1, 7)
    assert (rules[1].minutes_days, rules[1].confirm_days, rules[1].alert_weeks) == (2, 3, 10)
    custom = MeetingSettings(school_id=3, reminder_offsets_days=[14], no_meeting_alert_weeks=6)
    assert RuleBook([custom])[3].offsets == (14,)
    assert RuleBook([custom])[3].alert_weeks == 6
