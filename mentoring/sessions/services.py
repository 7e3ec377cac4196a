"""Logging coaching sessions, the learner's reflection, and action items that carry forward until done."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from placements.models import Placement

from ..models import ActionItem, CoachingSession, PlannedSession, PrivateNote, SessionAttachment
from ..schedule.services import planned_session_agree, planned_session_fulfil

SESSION_FIELDS = (
    "date",
    "duration_minutes",
    "form",
    "coached_by",
    "activities",
    "went_well",
    "to_improve",
    "next_session_on",
)


@transaction.atomic
def session_log(
    *,
    placement: Placement,
    by: User,
    data: dict,
    goals=(),
    action_items=(),
    completed_items=(),
    private_note: str = "",
    files=(),
    planned: PlannedSession | None = None,
) -> CoachingSession:
    """Save a session with its agreements, note and attachments in one go: all of it, or nothing.

    Logged against a planned session, it fulfils that one; its "next session" becomes the next planned one's moment.
    """
    session = CoachingSession.objects.create(
        placement=placement, created_by=by, **{field: data[field] for field in SESSION_FIELDS if field in data}
    )
    if planned is not None:
        planned_session_fulfil(planned=planned, session=session)
    planned_session_agree(session=session)
    session.goals.set(goals)
    ActionItem.objects.bulk_create(ActionItem(placement=placement, session=session, **item) for item in action_items)
    now = timezone.now()
    ActionItem.objects.filter(placement=placement, pk__in=[item.pk for item in completed_items]).filter(
        done_at__isnull=True
    ).update(done_at=now, done_by=by)
    if private_note.strip():
        PrivateNote.objects.create(session=session, author=by, text=private_note.strip())
    for upload, content_type in files:
        SessionAttachment.objects.create(
            session=session,
            file=upload,
            original_name=upload.name[:255],
            content_type=content_type,
            size=upload.size,
            uploaded_by=by,
        )
    return session


def session_reflect(*, session: CoachingSession, by: User, text: str) -> CoachingSession:
    if by.pk != session.placement.learner_id:
        raise ValidationError(_("Only the learner adds a reflection to a session."))
    if not text.strip():
        raise ValidationError(_("Write your reflection before saving."))
    session.learner_reflection = text.strip()
    session.reflection_at = timezone.now()
    session.save(update_fields=["learner_reflection", "reflection_at"])
    return session


def action_item_complete(*, item: ActionItem, by: User, done: bool = True) -> ActionItem:
    item.done_at = timezone.now() if done else None
    item.done_by = by if done else None
    item.save(update_fields=["done_at", "done_by"])
    return item
