"""The reminder rules: what kinds of reminders there are, a school's settings cleaned, and when each is due.

Pure decisions, no queries: the scan (meetings/reminders/scan.py) asks them what is due, delivery
(meetings/reminders/delivery.py) and the e-mails (meetings/reminders/emails.py) read the kinds.

Due times follow the wall clock in Europe/Amsterdam: "7 days before a 10:00 meeting" is 10:00 local seven
days earlier, also across a daylight-saving change.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

from core.choice_keys import whole_number

from ..models import MeetingSettings

LOCAL = ZoneInfo(settings.TIME_ZONE)
MINUTES_MISSING = "minutes_missing"
NO_MEETING = "no_meeting"
BEFORE_PREFIX = "before_"
CONFIRM_PREFIX = "confirm_minutes_"
# A reminder about minutes that fell due this long ago is no longer news (the scan was off, or a school
# shortened its setting): it is not sent at all.
STALE_AFTER = timedelta(days=14)


def before_kind(days: int) -> str:
    return f"{BEFORE_PREFIX}{days}d"


def confirm_kind(round_: int) -> str:
    return f"{CONFIRM_PREFIX}{round_}"


@dataclass(frozen=True, slots=True)
class Rules:
    """One school's reminder settings, cleaned: offsets are distinct whole days, nearest first."""

    offsets: tuple[int, ...] = (1, 7)
    minutes_days: int = 2
    confirm_days: int = 3
    alert_weeks: int = 10


def clean_offsets(value) -> tuple[int, ...]:
    """The offsets a school typed (a JSON list), as distinct whole days between 0 and 365, nearest first."""
    days = set()
    for item in value if isinstance(value, list | tuple) else []:
        if isinstance(item, str) and whole_number(item) is not None:
            item = whole_number(item)
        if isinstance(item, int) and not isinstance(item, bool) and 0 <= item <= 365:
            days.add(item)
    return tuple(sorted(days))


def rules_from(row: MeetingSettings) -> Rules:
    return Rules(
        offsets=clean_offsets(row.reminder_offsets_days),
        minutes_days=row.minutes_reminder_days,
        confirm_days=max(1, row.confirmation_reminder_days),
        alert_weeks=max(1, row.no_meeting_alert_weeks),
    )


class RuleBook:
    """The rules of every school that has settings; the model's defaults for the others."""

    def __init__(self, rows):
        self.by_school = {row.school_id: rules_from(row) for row in rows}
        self.default = rules_from(MeetingSettings())
        self.all = [self.default, *self.by_school.values()]

    def __getitem__(self, school_id: int) -> Rules:
        return self.by_school.get(school_id, self.default)


# --- Pure decisions: wall-clock arithmetic in Europe/Amsterdam ---------------------------------------------


def local_shift(moment: datetime, *, days: int = 0) -> datetime:
    """`moment` moved by whole local days (same local hour across daylight saving), in UTC."""
    # Adding a timedelta to a datetime in a ZoneInfo zone keeps the wall-clock time and recomputes the offset.
    return (moment.astimezone(LOCAL) + timedelta(days=days)).astimezone(UTC)


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=LOCAL).astimezone(UTC)


def before_due(starts_at: datetime, created_at: datetime, offsets, now: datetime) -> tuple[str, datetime] | None:
    """The one "N days before" reminder due now: the nearest offset whose moment has passed.

    A meeting planned three days ahead does not get "7 days" and "1 day" at once; and a reminder whose
    moment came before the meeting was planned is not sent, because the invitation itself is newer.
    """
    if starts_at <= now:
        return None
    local = starts_at.astimezone(LOCAL)
    for days in offsets:  # nearest first: the first one due is the one that counts
        due = (local - timedelta(days=days)).astimezone(UTC)
        if due <= now:
            return (before_kind(days), due) if created_at <= due else None
    return None


def minutes_due(ends_at: datetime, days: int, now: datetime) -> datetime | None:
    due = local_shift(ends_at, days=days)
    return due if due <= now < due + STALE_AFTER else None


def _latest_round(start: datetime, step_days: int, now: datetime) -> tuple[int, datetime] | None:
    """The last k >= 1 with start + k·step (local days) at or before now, and that moment."""
    if now < start:
        return None
    guess = (now - start) // timedelta(days=step_days) + 1  # daylight saving moves a round by an hour at most
    for k in range(guess, 0, -1):
        due = local_shift(start, days=k * step_days)
        if due <= now:
            return k, due
    return None


def confirm_due(submitted_at: datetime, every_days: int, now: datetime) -> tuple[str, datetime] | None:
    """The latest "please confirm the minutes" round due now; earlier rounds that were missed are not sent."""
    found = _latest_round(submitted_at, every_days, now)
    return (confirm_kind(found[0]), found[1]) if found else None


def alert_due(anchor: datetime, weeks: int, now: datetime) -> tuple[str, datetime] | None:
    """The period ("2027-W12") of the no-meeting alert due now: every N weeks since the last meeting."""
    found = _latest_round(anchor, weeks * 7, now)
    if found is None:
        return None
    year, week, _day = found[1].astimezone(LOCAL).isocalendar()
    return f"{year}-W{week:02d}", found[1]
