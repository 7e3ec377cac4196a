"""The mentoring agreement: written by the mentor, accepted by mentor and learner in the app."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from placements.models import Placement

from ..models import MentoringAgreement
from . import defaults

TEXT_FIELDS = ("mentor_will", "mentor_will_not", "learner_will", "learner_will_not", "mentor_helps_with")


def agreement_initial() -> dict:
    return {
        "mentor_will": str(defaults.MENTOR_WILL),
        "mentor_will_not": str(defaults.MENTOR_WILL_NOT),
        "learner_will": str(defaults.LEARNER_WILL),
        "learner_will_not": str(defaults.LEARNER_WILL_NOT),
        "mentor_helps_with": [key for key, _label in defaults.MENTOR_HELPS_WITH],
    }


@transaction.atomic
def agreement_save(*, placement: Placement, data: dict) -> MentoringAgreement:
    agreement = MentoringAgreement.objects.filter(placement=placement).first() or MentoringAgreement(
        placement=placement
    )
    changed = any(getattr(agreement, field) != data[field] for field in TEXT_FIELDS)
    for field in TEXT_FIELDS:
        setattr(agreement, field, data[field])
    if changed:
        # Both accepted a wording; a new wording needs both again.
        for side in ("mentor", "learner"):
            setattr(agreement, f"{side}_accepted_by", None)
            setattr(agreement, f"{side}_accepted_name", "")
            setattr(agreement, f"{side}_accepted_at", None)
    agreement.save()
    return agreement


@transaction.atomic
def agreement_accept(*, agreement: MentoringAgreement, by: User) -> MentoringAgreement:
    if by.pk == agreement.placement.mentor_id:
        side = "mentor"
    elif by.pk == agreement.placement.learner_id:
        side = "learner"
    else:
        raise ValidationError(_("Only the work mentor and the learner accept the agreement."))
    if getattr(agreement, f"{side}_accepted_at"):
        raise ValidationError(_("You have already accepted this agreement."))
    setattr(agreement, f"{side}_accepted_by", by)
    setattr(agreement, f"{side}_accepted_name", by.get_full_name())
    setattr(agreement, f"{side}_accepted_at", timezone.now())
    agreement.save()
    return agreement
