"""After a write that changes a placement's health, refresh it: once the write commits, debounced per placement.

The receivers are thin: they note which placement a saved or deleted row belongs to and, once the transaction
commits, `mark_stale` marks its PlacementHealth row stale. Every minute the scan `compute.refresh_stale` (Celery
beat) recomputes all stale rows in one set-based pass, however many writes marked them: ten sessions logged in a
minute cost one refresh. The scan clears the marks before it computes, so a write during the computation marks
the row again for the next scan. Like the other periodic work of the project, nothing depends on a message: a
lost worker leaves the marks, and the next scan takes them up. What only time changes (a session becoming
overdue) and writes that bypass save() (queryset updates) are caught by the hourly full refresh.

A learner's new name is written straight onto their rows' sort key (`learner_renamed`), in the renaming transaction:
it is one indexed update, and a list sorted by learner should not show the old name's place for a minute.

Why not one outbox entry per write: every save of a session, an hour entry, a meeting, ... in six apps would
write a second outbox row in the writer's transaction, and a burst of writes would queue a burst of refreshes.
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from accounts.models import User
from assessments.models import AssessmentRecord, Signature
from meetings.models import Meeting, Minutes
from mentoring.models import CoachingPlan, CoachingSession, HoursEntry, Incident, LearningGoal, MentoringAgreement
from placements.models import Placement
from registry.models import Certificate

from ..models import PlacementHealth
from .compute import ACTIVE, learner_sort_key

NAME_FIELDS = {"first_name", "last_name"}


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


def mark_stale(placement_ids) -> int:
    """Mark the placements' health stale (a row is made for an active placement that has none); how many were
    newly marked. The scan of stale rows (compute.refresh_stale, every minute) recomputes them together."""
    placement_ids = set(placement_ids)
    if not placement_ids:
        return 0
    marked = PlacementHealth.objects.filter(placement_id__in=placement_ids, stale=False).update(stale=True)
    missing = placement_ids - set(
        PlacementHealth.objects.filter(placement_id__in=placement_ids).values_list("placement_id", flat=True)
    )
    if missing:
        new = Placement.objects.filter(ACTIVE, pk__in=missing).values_list("pk", "school_id")
        created = PlacementHealth.objects.bulk_create(
            [PlacementHealth(placement_id=pk, school_id=school_id, stale=True) for pk, school_id in new],
            ignore_conflicts=True,
        )
        marked += len(created)
    return marked


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


def learner_renamed(sender, instance, created=False, update_fields=None, **kwargs):
    """Keep the learner's sort key on their placements' health in step with their name. A save that names its
    fields and leaves the name out (a login's last_login) costs nothing; a queryset update or bulk_update (an
    import) is caught by the next full refresh."""
    if created or (update_fields is not None and not NAME_FIELDS & set(update_fields)):
        return
    key = learner_sort_key(instance.last_name, instance.first_name)
    PlacementHealth.objects.filter(placement__learner=instance).exclude(learner_sort=key).update(learner_sort=key)


def connect() -> None:
    for model in WATCHED:
        post_save.connect(_receiver, sender=model, dispatch_uid=f"oversight-health-save-{model._meta.label}")
        post_delete.connect(_receiver, sender=model, dispatch_uid=f"oversight-health-delete-{model._meta.label}")
    post_save.connect(learner_renamed, sender=User, dispatch_uid="oversight-health-learner-renamed")
