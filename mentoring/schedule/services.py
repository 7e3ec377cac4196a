"""The coaching schedule: planned sessions from the plan's frequency, the learner's preparation, fulfilment.

Generating is idempotent: planned sessions are numbered slots of the placement (a unique constraint), so
generating again moves the open ones to the new dates instead of adding rows. What something hangs on (a
logged session, the learner's preparation, an agreed moment, a date already past) is never moved or removed.
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from placements.models import Placement

from ..models import CoachingSession, PlannedSession


def planned_dates(placement: Placement, interval_weeks: int | None) -> list[date]:
    """Every `interval_weeks` from the start, the first one interval in, up to the end of the placement."""
    if not interval_weeks:
        return []
    step = timedelta(weeks=interval_weeks)
    dates, day = [], placement.start_date + step
    while day <= placement.end_date:
        dates.append(day)
        day += step
    return dates


def _fixed(planned: PlannedSession, today: date) -> bool:
    return planned.is_logged or planned.agreed_at is not None or planned.planned_on < today


@transaction.atomic
def planned_sessions_generate(*, placement: Placement, interval_weeks: int | None) -> list[PlannedSession]:
    today = timezone.localdate()
    existing = {planned.slot: planned for planned in placement.planned_sessions.select_for_update()}
    new, moved = [], []
    for slot, day in enumerate(planned_dates(placement, interval_weeks), start=1):
        planned = existing.pop(slot, None)
        if planned is None:
            if day >= today:  # the past is not planned after the fact
                new.append(PlannedSession(placement=placement, slot=slot, planned_on=day))
        elif planned.planned_on != day and day >= today and not _fixed(planned, today):
            planned.planned_on = day
            moved.append(planned)
    PlannedSession.objects.bulk_create(new, ignore_conflicts=True)
    PlannedSession.objects.bulk_update(moved, ["planned_on"])
    stale = [p.pk for p in existing.values() if not _fixed(p, today) and p.prepared_at is None]
    PlannedSession.objects.filter(pk__in=stale).delete()
    return list(placement.planned_sessions.all())


def planned_session_prepare(*, planned: PlannedSession, by: User, data: dict) -> PlannedSession:
    if by.pk != planned.placement.learner_id:
        raise ValidationError(_("Only the learner prepares a planned session."))
    if planned.is_logged:
        raise ValidationError(_("This session has been held; its preparation can no longer change."))
    questions, went_well = data["prep_questions"].strip(), data["prep_went_well"].strip()
    if not (questions or went_well):
        raise ValidationError(_("Write your questions or what went well before saving."))
    planned.prep_questions, planned.prep_went_well = questions, went_well
    planned.prepared_at = timezone.now()
    planned.save(update_fields=["prep_questions", "prep_went_well", "prepared_at"])
    return planned


def planned_session_fulfil(*, planned: PlannedSession, session: CoachingSession) -> None:
    """Logging a session against a planned one fulfils it, once (a conditional update)."""
    updated = PlannedSession.objects.filter(
        pk=planned.pk, placement_id=session.placement_id, session__isnull=True
    ).update(session=session)
    if not updated:
        raise ValidationError({"planned": _("This planned session has already been logged.")})


def planned_session_agree(*, session: CoachingSession) -> None:
    """A "next session" agreed while logging becomes the moment of the next open planned session.

    So the calendar shows one appointment, at the agreed time, instead of a planned date beside it.
    """
    if session.next_session_on is None:
        return
    planned = (
        PlannedSession.objects.filter(
            placement_id=session.placement_id, session__isnull=True, planned_on__gt=session.date
        )
        .order_by("planned_on", "slot")
        .first()
    )
    if planned is not None:
        planned.agreed_at = session.next_session_on
        planned.agreed_in = session
        planned.planned_on = timezone.localtime(session.next_session_on).date()
        planned.save(update_fields=["agreed_at", "agreed_in", "planned_on"])
