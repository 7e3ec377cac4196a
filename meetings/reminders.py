"""The reminder scan: decide which reminders and alerts are due, record each once, queue their delivery.

The scan is the source of truth (docs/decisions/0008-reminders-exactly-once.md): no far-future ETA tasks. It
runs every five minutes (beat) or from cron (`manage.py send_reminders`) and costs the same number of queries
however many meetings there are: candidates are loaded in a few set-based queries, due times are computed in
Python (pure functions below), and the decisions are written with one bulk insert that ignores rows another
scan wrote first. A ReminderLog row is the decision; its `sent_at` is set in the transaction that sends.

Due times follow the wall clock in Europe/Amsterdam: "7 days before a 10:00 meeting" is 10:00 local seven
days earlier, also across a daylight-saving change.
"""

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import batched
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection
from django.utils import timezone

from core.choice_keys import whole_number
from core.queue import enqueue_on_commit

from . import selectors_reminders as candidates
from .models import MeetingSettings, PlacementAlert, ReminderLog

logger = logging.getLogger(__name__)

LOCAL = ZoneInfo(settings.TIME_ZONE)
MINUTES_MISSING = "minutes_missing"
NO_MEETING = "no_meeting"
BEFORE_PREFIX = "before_"
CONFIRM_PREFIX = "confirm_minutes_"
# A reminder about minutes that fell due this long ago is no longer news (the scan was off, or a school
# shortened its setting): it is not sent at all.
STALE_AFTER = timedelta(days=14)
# Queued but not sent after this long: the broker was down or a worker died, so the next scan queues it again.
REQUEUE_AFTER = timedelta(minutes=15)
# PlacementAlert keeps no queue time: an unsent alert is queued again by every scan for this long, then dropped
# (the next period brings a new one).
ALERT_GIVE_UP_AFTER = timedelta(days=2)
# Every delivery attempt counts; a reminder that failed this often (a refused address) is not queued again.
MAX_ATTEMPTS = 15
# Reminders per delivery task: one broker message and one SMTP connection per batch.
DELIVERY_BATCH = 100
QUEUE_LIMIT = 100_000


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


# --- The scan -----------------------------------------------------------------------------------------------


Decision = tuple[int, int, str, datetime]  # meeting id, participant id, kind, due at


def _before_logs(now: datetime, rules: RuleBook) -> list[Decision]:
    widest = max((max(r.offsets) for r in rules.all if r.offsets), default=0)
    due: dict[str, dict[int, datetime]] = {}
    # One day of slack: a local day can be 25 hours long.
    for meeting_id, starts_at, created_at, school_id in candidates.upcoming_meetings(now, widest + 1):
        found = before_due(starts_at, created_at, rules[school_id].offsets, now)
        if found:
            due.setdefault(found[0], {})[meeting_id] = found[1]
    return _logs(due, candidates.meeting_reminder_recipients)


def _minutes_logs(now: datetime, rules: RuleBook) -> list[Decision]:
    days = [r.minutes_days for r in rules.all]
    due: dict[int, datetime] = {}
    for meeting_id, starts_at, duration, school_id in candidates.meetings_without_minutes(
        now, min(days), max(days), STALE_AFTER
    ):
        found = minutes_due(starts_at + timedelta(minutes=duration), rules[school_id].minutes_days, now)
        if found:
            due[meeting_id] = found
    return _logs({MINUTES_MISSING: due}, candidates.minutes_writers)


def _confirm_logs(now: datetime, rules: RuleBook) -> list[Decision]:
    due: dict[str, dict[int, datetime]] = {}
    for meeting_id, submitted_at, school_id in candidates.minutes_awaiting_confirmation():
        found = confirm_due(submitted_at, rules[school_id].confirm_days, now)
        if found:
            due.setdefault(found[0], {})[meeting_id] = found[1]
    return _logs(due, candidates.unconfirmed_participants)


def _logs(due: dict[str, dict[int, datetime]], recipients) -> list[Decision]:
    """One decision per recipient still without this kind: one query per kind that is due, not per meeting."""
    return [
        (meeting_id, participant_id, kind, by_meeting[meeting_id])
        for kind, by_meeting in due.items()
        if by_meeting
        for participant_id, meeting_id in recipients(kind, list(by_meeting))
    ]


def _record(decisions: list[Decision], now: datetime) -> list[int]:
    """Write the decisions, skipping any another scan wrote first; returns the ids already marked queued.

    On PostgreSQL one INSERT ... SELECT FROM unnest(arrays) writes them all, marks them queued and returns
    exactly the rows this scan wrote (30,000 rows in a fraction of the time of building model instances).
    Elsewhere bulk_create writes them unqueued, and _claim_unsent picks them up.
    """
    if not decisions:
        return []
    if connection.vendor != "postgresql":
        logs = (ReminderLog(meeting_id=m, participant_id=p, kind=k, due_at=d) for m, p, k, d in decisions)
        ReminderLog.objects.bulk_create(logs, ignore_conflicts=True)
        return []
    meta = ReminderLog._meta
    columns = ", ".join(meta.get_field(name).column for name in ("meeting", "participant", "kind", "due_at"))
    sql = (
        f"INSERT INTO {meta.db_table} ({columns}, created_at, queued_at, attempts) "  # noqa: S608 (names from the model)
        "SELECT m, p, k, d, %s, %s, 0 FROM unnest(%s::bigint[], %s::bigint[], %s::varchar[], %s::timestamptz[]) "
        "AS decision(m, p, k, d) ON CONFLICT DO NOTHING RETURNING id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [timezone.now(), now, *map(list, zip(*decisions, strict=True))])
        return [row[0] for row in cursor.fetchall()]


def _alerts(now: datetime, rules: RuleBook) -> list[PlacementAlert]:
    shortest = min(r.alert_weeks for r in rules.all)
    due: dict[int, str] = {}
    for placement_id, school_id, start_date, last_meeting in candidates.placements_without_meetings(now, shortest):
        anchor = max(filter(None, [last_meeting, local_midnight(start_date)]))
        found = alert_due(anchor, rules[school_id].alert_weeks, now)
        if found:
            due[placement_id] = found[0]
    known = candidates.alerted_periods(NO_MEETING, due)
    return [
        PlacementAlert(placement_id=placement_id, kind=NO_MEETING, period=period)
        for placement_id, period in due.items()
        if (placement_id, period) not in known
    ]


def _claim_unsent(now: datetime) -> list[int]:
    """Mark the logs to deliver as queued and return their ids, in one statement.

    SKIP LOCKED lets two scans at once claim different rows instead of both queueing the same reminder
    (a duplicate would be harmless, delivery checks sent_at under a row lock, but it is wasted work).
    """
    table = ReminderLog._meta.db_table
    lock = " FOR UPDATE SKIP LOCKED" if connection.features.has_select_for_update_skip_locked else ""
    adapt = connection.ops.adapt_datetimefield_value
    sql = (
        f"UPDATE {table} SET queued_at = %s WHERE id IN ("  # noqa: S608 (no user input: table name and literals)
        f"SELECT id FROM {table} WHERE sent_at IS NULL AND attempts < %s AND (queued_at IS NULL OR queued_at < %s)"
        f" ORDER BY id LIMIT %s{lock}) RETURNING id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [adapt(now), MAX_ATTEMPTS, adapt(now - REQUEUE_AFTER), QUEUE_LIMIT])
        return sorted(row[0] for row in cursor.fetchall())


def _dispatch(log_ids: list[int], alert_ids: list[int], *, in_process: bool) -> None:
    from . import delivery, tasks

    if in_process:
        delivery.deliver_in_process(log_ids, alert_ids)
        return
    for chunk in batched(log_ids, DELIVERY_BATCH):
        enqueue_on_commit(tasks.deliver_reminders, list(chunk))
    for alert_id in alert_ids:
        enqueue_on_commit(tasks.deliver_alert, alert_id)


def scan(now: datetime | None = None, *, in_process: bool = False) -> dict[str, int]:
    """Decide, record and queue every reminder and alert that is due at `now`; returns what it did.

    `in_process` delivers in this process instead of queueing (cron on a machine without a worker).
    """
    now = now or timezone.now()
    started = timezone.now()
    rules = RuleBook(candidates.meeting_settings())
    before, minutes, confirm = _before_logs(now, rules), _minutes_logs(now, rules), _confirm_logs(now, rules)
    # A row another scan wrote in the meantime is the same decision, already taken: the conflict is skipped.
    log_ids = _record([*before, *minutes, *confirm], now)
    alerts = _alerts(now, rules)
    PlacementAlert.objects.bulk_create(alerts, ignore_conflicts=True)
    log_ids += _claim_unsent(now)
    alert_ids = candidates.alerts_to_deliver(
        NO_MEETING, alerts, stale_from=started - ALERT_GIVE_UP_AFTER, stale_until=started - REQUEUE_AFTER
    )
    _dispatch(log_ids, alert_ids, in_process=in_process)
    counts = {
        "before": len(before),
        "minutes_missing": len(minutes),
        "confirm_minutes": len(confirm),
        "no_meeting": len(alerts),
        "queued": len(log_ids),
        "alerts_queued": len(alert_ids),
    }
    logger.info("Reminder scan at %s: %s", now.isoformat(), counts)
    return counts
