"""Writes of the coach's critical situations. Access is checked by the caller (see selectors)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.outbox import enqueue
from placements.models import Placement

from ..models import CriticalSituation
from ..obstacles.services import incident_date_validate
from .tasks import send_critical_support_request

FIELDS = ("category", "occurred_on", "description")


@transaction.atomic
def critical_situation_record(*, placement: Placement, user: User, data: dict) -> CriticalSituation:
    situation = CriticalSituation(placement=placement, recorded_by=user, **{f: data[f] for f in FIELDS if f in data})
    situation.full_clean(exclude=["placement", "recorded_by"])
    incident_date_validate(placement=placement, occurred_on=situation.occurred_on)
    situation.save()
    return situation


@transaction.atomic
def critical_support_request(*, situation: CriticalSituation, user: User, question: str) -> CriticalSituation:
    """Ask the school for support, once: the supervisor hears of it by e-mail through the outbox."""
    question = question.strip()
    if not question:
        raise ValidationError({"question": _("Say what support you would like from the school.")})
    now = timezone.now()
    # Conditional, so that a double click or two tabs ask only once.
    updated = CriticalSituation.objects.filter(pk=situation.pk, support_requested_at__isnull=True).update(
        support_requested_at=now, support_question=question
    )
    if not updated:
        raise ValidationError(_("Support has already been asked for; the school supervisor was informed."))
    situation.support_requested_at, situation.support_question = now, question
    if user.pk != situation.placement.supervisor_id:
        enqueue(send_critical_support_request, situation.pk)
    return situation
