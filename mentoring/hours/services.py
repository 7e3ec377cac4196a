"""Writes of placement hours. The rules hold whoever calls: they are checked again inside the transaction."""

from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from placements.models import Placement
from placements.selectors import is_mentor_of

from ..models import HoursEntry
from .selectors import overlapping_hours_entries

EDITABLE_FIELDS = ("date", "start_time", "end_time", "break_minutes", "description")

# A planned placement has not started, so there is nothing to record yet. A completed placement, or one
# that ended early, still takes entries within its period: learners often catch up after the last day.
RECORDABLE_STATUSES = (Placement.Status.ACTIVE, Placement.Status.COMPLETED, Placement.Status.ENDED_EARLY)


def hours_period_end(placement: Placement) -> date:
    """The last day hours can fall on: the day the placement ended early, otherwise its end date."""
    if placement.status == Placement.Status.ENDED_EARLY and placement.ended_on:
        return placement.ended_on
    return placement.end_date


def hours_can_be_recorded(placement: Placement) -> bool:
    return placement.status in RECORDABLE_STATUSES


def _minutes_of_day(value) -> int:
    return value.hour * 60 + value.minute


def hours_entry_validate(entry: HoursEntry, *, today: date | None = None) -> None:
    """Raise ValidationError (keyed by field) when the entry breaks a rule of the domain."""
    today = today or timezone.localdate()
    placement = entry.placement
    errors: dict[str, list[str]] = {}

    def refuse(field, message):
        errors.setdefault(field, []).append(message)

    if not hours_can_be_recorded(placement):
        refuse(NON_FIELD_ERRORS, _("Hours can be recorded once the placement has started."))
    times_valid = entry.start_time is not None and entry.end_time is not None
    if times_valid and entry.end_time <= entry.start_time:
        refuse("end_time", _("The end time must be after the start time."))
        times_valid = False
    if times_valid and entry.break_minutes is not None:
        span = _minutes_of_day(entry.end_time) - _minutes_of_day(entry.start_time)
        if entry.break_minutes >= span:
            refuse(
                "break_minutes",
                _("The break must be shorter than the time between start and end (%(span)d minutes).") % {"span": span},
            )
    if entry.date is not None:
        period_end = hours_period_end(placement)
        if entry.date > today:
            refuse("date", _("You can only record hours for today or an earlier day."))
        elif not placement.start_date <= entry.date <= period_end:
            refuse(
                "date",
                _("The date must fall within the placement period, %(start)s to %(end)s.")
                % {"start": date_format(placement.start_date), "end": date_format(period_end)},
            )
        if times_valid:
            clash = overlapping_hours_entries(
                learner_id=placement.learner_id,
                day=entry.date,
                start_time=entry.start_time,
                end_time=entry.end_time,
                exclude_pk=entry.pk,
            ).first()
            if clash:
                refuse(
                    NON_FIELD_ERRORS,
                    _("These hours overlap with hours already recorded on %(date)s from %(start)s to %(end)s.")
                    % {
                        "date": date_format(clash.date),
                        "start": clash.start_time.strftime("%H:%M"),
                        "end": clash.end_time.strftime("%H:%M"),
                    },
                )
    if errors:
        raise ValidationError(errors)


def _lock_learner(learner_id: int) -> None:
    # Serialises hours writes per learner, so two requests cannot both pass the overlap check.
    User.objects.select_for_update().filter(pk=learner_id).first()


def _lock_waiting(entry: HoursEntry) -> None:
    """Lock the entry's row and refuse when a decision has been taken on it meanwhile."""
    status = HoursEntry.objects.select_for_update().filter(pk=entry.pk).values_list("status", flat=True).first()
    if status != HoursEntry.Status.SUBMITTED:
        raise PermissionDenied(_("These hours have already been approved or rejected and can no longer change."))


@transaction.atomic
def hours_entry_submit(*, placement: Placement, data: dict) -> HoursEntry:
    entry = HoursEntry(placement=placement, **{field: data[field] for field in EDITABLE_FIELDS if field in data})
    _lock_learner(placement.learner_id)
    hours_entry_validate(entry)
    entry.save()
    return entry


@transaction.atomic
def hours_entry_update(*, entry: HoursEntry, data: dict) -> HoursEntry:
    _lock_learner(entry.placement.learner_id)
    _lock_waiting(entry)
    for field in EDITABLE_FIELDS:
        if field in data:
            setattr(entry, field, data[field])
    hours_entry_validate(entry)
    entry.save(update_fields=list(EDITABLE_FIELDS))
    return entry


@transaction.atomic
def hours_entry_delete(*, entry: HoursEntry) -> None:
    _lock_waiting(entry)
    entry.delete()


@transaction.atomic
def hours_entry_decide(*, entry: HoursEntry, decided_by: User, approve: bool, reason: str = "") -> HoursEntry:
    """Approve or reject one waiting entry; rejecting needs a reason the learner can act on."""
    if not is_mentor_of(decided_by, entry.placement):
        raise PermissionDenied(_("Only the work mentor of this placement approves or rejects hours."))
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationError({"reason": _("Say why the hours are rejected, so the learner can correct them.")})
    _lock_waiting(entry)
    entry.status = HoursEntry.Status.APPROVED if approve else HoursEntry.Status.REJECTED
    entry.rejection_reason = "" if approve else reason
    entry.decided_by = decided_by
    entry.decided_at = timezone.now()
    entry.save(update_fields=["status", "rejection_reason", "decided_by", "decided_at"])
    return entry


@transaction.atomic
def hours_approve_all(*, placement: Placement, decided_by: User, up_to_pk: int | None = None) -> int:
    """Approve every waiting entry of the placement in one statement; returns how many.

    `up_to_pk` is the newest waiting entry the mentor saw, so hours recorded after the page was loaded
    are not approved unseen.
    """
    if not is_mentor_of(decided_by, placement):
        raise PermissionDenied(_("Only the work mentor of this placement approves or rejects hours."))
    waiting = HoursEntry.objects.filter(placement=placement, status=HoursEntry.Status.SUBMITTED)
    if up_to_pk is not None:
        waiting = waiting.filter(pk__lte=up_to_pk)
    return waiting.update(
        status=HoursEntry.Status.APPROVED, rejection_reason="", decided_by=decided_by, decided_at=timezone.now()
    )
