"""After a write that changes a placement's health, refresh it: once the write commits, debounced per placement.

The receivers are thin: they note which placement a saved or deleted row belongs to and, once the transaction
commits, `mark_stale` marks its PlacementHealth row stale and queues ONE refresh through the outbox, keyed by the
row's generation. Further writes while the row is stale queue nothing; the refresh clears the mark before it
computes, so a write during the computation queues the next one. What only time changes (a session becoming
overdue) and writes that bypass save() (queryset updates) are caught by the periodic full refresh (Celery beat).
"""

from functools import partial

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save

from assessments.models import AssessmentRecord, Signature
from core.outbox.enqueue import enqueue
from meetings.models import Meeting, Minutes
from mentoring.models import CoachingPlan, CoachingSession, HoursEntry, Incident, LearningGoal, MentoringAgreement
from placements.models import Placement
from registry.models import Certificate

from ..models import PlacementHealth
from .compute import ACTIVE


def _placement_ids(kind: str, value: int | None) -> list[int]:
    """The placements a change touches, from what the changed row points to (at most one query)."""
    if value is None:
        return []
    if kind == "placement":
        return [value]
    if kind == "meeting":
        return list(Meeting.objects.filter(pk=value).values_list("placement_id", flat=True))
    if kind == "plan":
        return list(CoachingPlan.objects.filter(pk=value).values_list("placement_id", flat=True))
    if kind == "record":
        ids = AssessmentRecord.objects.filter(pk=value, placement__isnull=False).values_list("placement_id", flat=True)
        return list(ids)
    if kind == "mentor":
        return list(Placement.objects.filter(ACTIVE, mentor_id=value).values_list("pk", flat=True))
    raise ValueError(kind)


def mark_stale(placement_ids) -> list[int]:
    """Mark the placements' health stale and queue a refresh for each that was not stale yet; those ids."""
    from .tasks import refresh_placement

    placement_ids = set(placement_ids)
    if not placement_ids:
        return []
    queued = []
    with transaction.atomic():
        rows = PlacementHealth.objects.select_for_update().filter(placement_id__in=placement_ids)
        known = dict(rows.values_list("placement_id", "stale"))
        fresh = [pk for pk, stale in known.items() if not stale]
        PlacementHealth.objects.filter(placement_id__in=fresh).update(stale=True, generation=F("generation") + 1)
        # A placement without a row gets one only while it is active (a deleted one has nothing to refresh).
        missing = placement_ids - known.keys()
        new = list(Placement.objects.filter(ACTIVE, pk__in=missing).values_list("pk", flat=True)) if missing else []
        PlacementHealth.objects.bulk_create(
            [PlacementHealth(placement_id=pk, stale=True, generation=1) for pk in new], ignore_conflicts=True
        )
        generations = dict(
            PlacementHealth.objects.filter(placement_id__in=[*fresh, *new]).values_list("placement_id", "generation")
        )
        for pk, generation in sorted(generations.items()):
            enqueue(refresh_placement, pk, key=f"placement-health:{pk}:{generation}")
            queued.append(pk)
    return queued


def changed(kind: str, value: int | None) -> None:
    """A row of `kind` pointing at `value` changed: refresh the placements it touches once the write commits."""
    if value is not None:
        transaction.on_commit(partial(_after_commit, kind, value))


def _after_commit(kind: str, value: int) -> None:
    mark_stale(_placement_ids(kind, value))


# model -> (kind, attribute that holds the id of what it points to)
WATCHED = {
    Placement: ("placement", "pk"),
    CoachingSession: ("placement", "placement_id"),
    HoursEntry: ("placement", "placement_id"),
    Incident: ("placement", "placement_id"),
    MentoringAgreement: ("placement", "placement_id"),
    Meeting: ("placement", "placement_id"),
    AssessmentRecord: ("placement", "placement_id"),
    Minutes: ("meeting", "meeting_id"),
    LearningGoal: ("plan", "plan_id"),
    Signature: ("record", "record_id"),
    Certificate: ("mentor", "holder_id"),
}


def _receiver(sender, instance, **kwargs):
    kind, attribute = WATCHED[sender]
    changed(kind, getattr(instance, attribute))


def connect() -> None:
    for model in WATCHED:
        post_save.connect(_receiver, sender=model, dispatch_uid=f"oversight-health-save-{model._meta.label}")
        post_delete.connect(_receiver, sender=model, dispatch_uid=f"oversight-health-delete-{model._meta.label}")
