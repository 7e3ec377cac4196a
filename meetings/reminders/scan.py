"""The reminder scan: decide which reminders and alerts are due, record each once, queue their delivery.

The scan is the source of truth (docs/decisions/0008-reminders-exactly-once.md): no far-future ETA tasks. It
runs every five minutes (beat) or from cron (`manage.py send_reminders`) and costs the same number of queries
however many meetings there are: candidates are loaded in a few set-based queries, due times are computed in
Python (the pure functions of meetings/reminders/rules.py), and the decisions are written with one bulk insert
that ignores rows another scan wrote first. A ReminderLog row is the decision; its `sent_at` is set in the
transaction that sends.
"""

import logging
from datetime import datetime, timedelta
from itertools import batched

from django.db import connection
from django.utils import timezone

from core.outbox import enqueue_many

from ..models import PlacementAlert, ReminderLog
from . import delivery
from . import selectors as candidates
from .rules import (
    MINUTES_MISSING,
    NO_MEETING,
    STALE_AFTER,
    RuleBook,
    alert_due,
    before_due,
    confirm_due,
    local_midnight,
    minutes_due,
)
from .tasks import deliver_alert, deliver_reminders

logger = logging.getLogger(__name__)

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
    if in_process:
        delivery.deliver_in_process(log_ids, alert_ids)
        return
    enqueue_many(deliver_reminders, [(list(chunk),) for chunk in batched(log_ids, DELIVERY_BATCH)])
    enqueue_many(deliver_alert, [(alert_id,) for alert_id in alert_ids])


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
