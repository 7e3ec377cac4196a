"""Writes of the close-out: the employer review, closing the placement, and the reference letter."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.emails import recipient_language, recipient_locale
from core.outbox.enqueue import enqueue
from placements.models import Placement
from placements.services import placement_change_status

from ..models import EmployerReview, PlacementCloseout, ReferenceLetter
from .selectors import checklist, placement_record


def review_save(*, placement: Placement, form, by) -> EmployerReview:
    review = form.save(commit=False)
    review.placement = placement
    review.recorded_by = by
    review.save()
    return review


@transaction.atomic
def placement_close(*, placement: Placement, by) -> PlacementCloseout:
    """End the placement once every item of the checklist is done; the checklist is kept as it was then."""
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    if PlacementCloseout.objects.filter(placement=placement).exists():
        raise ValidationError(_("This placement has already been closed."))
    items = checklist(placement)
    missing = [str(item.label) for item in items if not item.done]
    if missing:
        raise ValidationError(_("Not yet done: %(items)s.") % {"items": "; ".join(missing)})
    if placement.status in (Placement.Status.PLANNED, Placement.Status.ACTIVE):
        if placement.status == Placement.Status.PLANNED:
            raise ValidationError(_("A placement that has not started cannot be closed."))
        placement_change_status(placement=placement, status=Placement.Status.COMPLETED)
    return PlacementCloseout.objects.create(
        placement=placement, closed_at=timezone.now(), closed_by=by, checklist={i.key: i.done for i in items}
    )


def letter_draft_text(placement: Placement, *, language: str) -> str:
    """The first draft: the placement's record in a few paragraphs, in the learner's language."""
    with recipient_locale(language):
        return render_to_string(
            "feedback/closeout/letter_draft.txt",
            {"placement": placement, "record": placement_record(placement)},
        ).strip()


def letter_for(placement: Placement, *, by) -> ReferenceLetter:
    """The placement's letter; the mentor's first visit drafts it from the record."""
    letter = ReferenceLetter.objects.filter(placement=placement).first()
    if letter is not None:
        return letter
    # The mentor writes in the language they work in; the PDF is printed in the letter's language.
    language = (translation.get_language() or "")[:2] or recipient_language(placement.learner)
    return ReferenceLetter(
        placement=placement, language=language, drafted_by=by, body=letter_draft_text(placement, language=language)
    )


def letter_save(*, placement: Placement, body: str, by) -> ReferenceLetter:
    letter = letter_for(placement, by=by)
    letter.body = body.strip()
    letter.drafted_by = by
    letter.save()
    return letter


@transaction.atomic
def letter_send(*, letter: ReferenceLetter) -> ReferenceLetter:
    """Deliver the letter to the learner: the PDF is theirs to download, and an e-mail says so (once per sending)."""
    if letter.pk is None or not letter.body.strip():
        raise ValidationError(_("Save the letter before sending it."))
    from .tasks import send_reference_letter

    letter.sent_at = timezone.now()
    letter.save(update_fields=["sent_at", "updated_at"])
    enqueue(send_reference_letter, letter.pk, key=f"feedback.letter:{letter.pk}:{letter.sent_at.timestamp()}")
    return letter
