"""Computing placement health for many placements at once and storing it in PlacementHealth.

One query reads every signal's facts for all the placements being refreshed (signals.py); the checks run on
those rows in memory; one upsert writes the results (on PostgreSQL through COPY into a temporary table). A
placement that is no longer active (or was archived) loses its row. `refresh_all` also writes today's count
per school (HealthSnapshot) for the chart, and has PostgreSQL vacuum and analyse the table it rewrote.
"""

import json
from collections import Counter
from datetime import date

from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone

from placements.models import Placement
from registry.register.search import fold

from ..models import HealthLevel, HealthSettings, HealthSnapshot, PlacementHealth
from .signals import SIGNAL_CODES, SIGNALS, Context, expected_minutes

BATCH = 2000
PLACEMENT_FIELDS = (
    "pk", "school_id", "start_date", "end_date", "hours_per_week", "programme_id", "learner__last_name",
    "learner__first_name",
)  # fmt: skip
RESULT_FIELDS = [
    "school", "level", *SIGNAL_CODES, "signal_count", "details", "logged_minutes", "expected_minutes", "last_session",
    "last_meeting", "computed_at", "programme", "learner_sort",
]  # fmt: skip
STORED_FIELDS = ["placement", *RESULT_FIELDS, "stale"]  # the order of evaluate's tuple
STORED_COLUMNS = [PlacementHealth._meta.get_field(name).column for name in STORED_FIELDS]
DETAILS = STORED_FIELDS.index("details")
ACTIVE = Q(status=Placement.Status.ACTIVE, archived_at__isnull=True)


def learner_sort_key(last_name: str, first_name: str) -> str:
    """How the overview sorts a learner: by last name, then first name, whatever their case and accents. A tab
    joins the two because it sorts before a space and every letter: "Jan, Zoë" comes before "Janssen, Anna"."""
    return "\t".join(_folded(" ".join(name.split())) for name in (last_name, first_name))


def _folded(name: str) -> str:
    return name.lower() if name.isascii() else fold(name)  # what fold gives, several times faster: most names are ASCII


def thresholds_by_school() -> dict[int, dict]:
    """Every school's thresholds that differ from the defaults (one small query)."""
    return {row.pop("school_id"): row for row in HealthSettings.objects.values("school_id", *HealthSettings.THRESHOLDS)}


def evaluate(row: dict, limits: dict, ctx: Context) -> tuple:
    """The health of one placement from its row of facts, as a row of STORED_FIELDS: no database access."""
    details = {}
    flags = []
    for signal in SIGNALS:
        found = signal.check(row, limits, ctx)
        flags.append(found is not None)
        if found is not None:
            details[signal.code] = found
    level = max((found["level"] for found in details.values()), default=HealthLevel.ON_TRACK.value)
    return (
        row["pk"], row["school_id"], level, *flags, len(details), details, row["f_logged_minutes"],
        expected_minutes(row, ctx.today), row["f_last_session"], row["f_last_meeting"], ctx.now, row["programme_id"],
        learner_sort_key(row["learner__last_name"], row["learner__first_name"]), False,
    )  # fmt: skip


def fact_rows(placements, ctx: Context):
    facts = {}
    for signal in SIGNALS:
        facts.update(signal.facts(ctx))
    return placements.annotate(**facts).values(*PLACEMENT_FIELDS, *facts).order_by()


def compute(placement_ids=None, *, now=None) -> int:
    """Recompute the health of `placement_ids` (all active placements when None); the number of rows written."""
    now = now or timezone.now()
    ctx = Context(today=timezone.localdate(now), now=now)
    defaults, by_school = HealthSettings.defaults(), thresholds_by_school()
    placements = Placement.objects.filter(ACTIVE)
    if placement_ids is not None:
        placement_ids = list(placement_ids)
        placements = placements.filter(pk__in=placement_ids)
    rows = fact_rows(placements, ctx).iterator(chunk_size=BATCH)
    results = [evaluate(row, by_school.get(row["school_id"], defaults), ctx) for row in rows]
    with transaction.atomic():
        if connection.vendor == "postgresql":
            _store_postgres(results)
        else:
            for start in range(0, len(results), BATCH):
                _store_orm(results[start : start + BATCH])
        gone = PlacementHealth.objects.exclude(placement__in=Placement.objects.filter(ACTIVE))
        if placement_ids is not None:
            gone = gone.filter(placement_id__in=placement_ids)
        gone.delete()
    return len(results)


def _store_orm(results: list[tuple]) -> None:
    """An upsert through the ORM (SQLite, and any other database)."""
    names = [PlacementHealth._meta.get_field(name).attname for name in STORED_FIELDS]
    PlacementHealth.objects.bulk_create(
        [PlacementHealth(**dict(zip(names, result, strict=True))) for result in results],
        update_conflicts=True,
        unique_fields=["placement"],
        update_fields=RESULT_FIELDS,
    )


def _store_postgres(results: list[tuple]) -> None:
    """COPY the rows into a temporary table and upsert from it: for 20,000 rows about ten times faster than
    building 20,000 model instances for bulk_create. New rows are not stale; an existing row keeps its mark."""
    if not results:
        return
    table = PlacementHealth._meta.db_table
    columns = ", ".join(STORED_COLUMNS)
    updates = ", ".join(f"{column} = EXCLUDED.{column}" for column in STORED_COLUMNS[1:-1])
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS oversight_health_incoming (LIKE {table}) ON COMMIT DELETE ROWS"
        )
        with cursor.cursor.copy(f"COPY oversight_health_incoming ({columns}) FROM STDIN") as copy:
            for result in results:
                copy.write_row((*result[:DETAILS], json.dumps(result[DETAILS]), *result[DETAILS + 1 :]))
        cursor.execute(
            f"INSERT INTO {table} ({columns}) SELECT {columns} FROM oversight_health_incoming "  # noqa: S608 - model names
            f"ON CONFLICT (placement_id) DO UPDATE SET {updates}"
        )
        cursor.execute("DELETE FROM oversight_health_incoming")


def snapshot(day: date | None = None) -> int:
    """Today's count per level for every school with active placements (the last run of the day wins)."""
    day = day or timezone.localdate()
    computed = PlacementHealth.objects.filter(computed_at__isnull=False)
    counts = computed.values("school_id", "level").annotate(n=Count("pk")).order_by()
    per_school: dict[int, Counter] = {}
    for row in counts:
        per_school.setdefault(row["school_id"], Counter())[row["level"]] = row["n"]
    rows = [
        HealthSnapshot(
            school_id=school_id,
            date=day,
            on_track=levels[HealthLevel.ON_TRACK],
            attention=levels[HealthLevel.ATTENTION],
            at_risk=levels[HealthLevel.AT_RISK],
        )
        for school_id, levels in per_school.items()
    ]
    HealthSnapshot.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["school", "date"],
        update_fields=["on_track", "attention", "at_risk"],
    )
    return len(rows)


def refresh_all(*, now=None) -> int:
    """Every active placement, then today's snapshot: the periodic run (Celery beat, `refresh_placement_health`)."""
    written = compute(now=now)
    snapshot(timezone.localdate(now or timezone.now()))
    _vacuum_analyse()
    return written


def _vacuum_analyse() -> None:
    """A full refresh leaves a dead version of every row and statistics of the table as it was: reclaim the rows
    and analyse now rather than whenever autovacuum comes by (a server may run it late or not at all). Until then
    the overview's counts read every dead version, and after a first refresh the planner goes by a table it saw
    empty: it sorted 14,000 rows it took for four rather than read the first page from the index. VACUUM cannot
    run inside a transaction (a caller's atomic block, a test): there, ANALYZE alone."""
    if connection.vendor != "postgresql":
        return
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        cursor.execute(f"{command} {PlacementHealth._meta.db_table}")


STALE_BATCH = 5000


def refresh_stale(*, now=None) -> int:
    """The placements writes marked stale (triggers.py), in one pass: the marks are cleared first, so a write during
    the computation marks its row again for the next scan. The number of rows written."""
    written = 0
    while True:
        with transaction.atomic():
            ids = list(
                PlacementHealth.objects.select_for_update(skip_locked=True)
                .filter(stale=True)
                .values_list("placement_id", flat=True)[:STALE_BATCH]
            )
            PlacementHealth.objects.filter(placement_id__in=ids).update(stale=False)
        if not ids:
            return written
        written += compute(ids, now=now)
