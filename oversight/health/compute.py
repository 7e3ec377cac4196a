"""Computing placement health for many placements at once and storing it in PlacementHealth.

One query reads every signal's facts for all the placements being refreshed (signals.py); the checks run on
those rows in memory; one upsert per batch writes the results. A placement that is no longer active (or was
archived) loses its row. `refresh_all` also writes today's count per school (HealthSnapshot) for the chart.
"""

from collections import Counter
from datetime import date

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from placements.models import Placement

from ..models import HealthLevel, HealthSettings, HealthSnapshot, PlacementHealth
from .signals import SIGNAL_CODES, SIGNALS, Context, expected_minutes

BATCH = 2000
PLACEMENT_FIELDS = ("pk", "school_id", "start_date", "end_date", "hours_per_week")
RESULT_FIELDS = [
    "level", *SIGNAL_CODES, "signal_count", "details", "logged_minutes", "expected_minutes", "last_session",
    "last_meeting", "computed_at",
]  # fmt: skip
ACTIVE = Q(status=Placement.Status.ACTIVE, archived_at__isnull=True)


def thresholds_by_school() -> dict[int, dict]:
    """Every school's thresholds that differ from the defaults (one small query)."""
    return {row.pop("school_id"): row for row in HealthSettings.objects.values("school_id", *HealthSettings.THRESHOLDS)}


def evaluate(row: dict, limits: dict, ctx: Context) -> PlacementHealth:
    """The health of one placement from its row of facts: no database access."""
    health = PlacementHealth(placement_id=row["pk"], computed_at=ctx.now, details={})
    for signal in SIGNALS:
        details = signal.check(row, limits, ctx)
        setattr(health, signal.code, details is not None)
        if details is not None:
            health.details[signal.code] = details
    health.signal_count = len(health.details)
    health.level = max((details["level"] for details in health.details.values()), default=HealthLevel.ON_TRACK)
    health.logged_minutes = row["f_logged_minutes"]
    health.expected_minutes = expected_minutes(row, ctx.today)
    health.last_session = row["f_last_session"]
    health.last_meeting = row["f_last_meeting"]
    return health


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
    written, batch = 0, []
    for row in fact_rows(placements, ctx).iterator(chunk_size=BATCH):
        batch.append(evaluate(row, by_school.get(row["school_id"], defaults), ctx))
        if len(batch) == BATCH:
            written += _store(batch)
            batch = []
    written += _store(batch)
    gone = PlacementHealth.objects.exclude(placement__in=Placement.objects.filter(ACTIVE))
    if placement_ids is not None:
        gone = gone.filter(placement_id__in=placement_ids)
    gone.delete()
    return written


def _store(batch: list[PlacementHealth]) -> int:
    if batch:
        PlacementHealth.objects.bulk_create(
            batch, update_conflicts=True, unique_fields=["placement"], update_fields=RESULT_FIELDS
        )
    return len(batch)


def snapshot(day: date | None = None) -> int:
    """Today's count per level for every school with active placements (the last run of the day wins)."""
    day = day or timezone.localdate()
    counts = PlacementHealth.objects.values("placement__school_id", "level").annotate(n=Count("pk")).order_by()
    per_school: dict[int, Counter] = {}
    for row in counts:
        per_school.setdefault(row["placement__school_id"], Counter())[row["level"]] = row["n"]
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
    return written


def refresh_stale(placement_ids) -> int:
    """The placements a write marked stale: clear the mark first, so a write during the computation marks again."""
    placement_ids = list(placement_ids)
    with transaction.atomic():
        PlacementHealth.objects.filter(placement_id__in=placement_ids, stale=True).update(stale=False)
    return compute(placement_ids)
