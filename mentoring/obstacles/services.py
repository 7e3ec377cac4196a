"""Writes of a placement's obstacle log and incidents. Access is checked by the caller (see selectors)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.outbox import enqueue
from placements.models import Placement

from ..models import Incident, Obstacle
from .guidance import ALWAYS_ESCALATE
from .tasks import send_incident_escalation

OBSTACLE_FIELDS = ("side", "description", "how_to_overcome", "support_needed", "status")
INCIDENT_FIELDS = ("category", "occurred_on", "description", "actions_taken")


@transaction.atomic
def obstacle_create(*, placement: Placement, user: User, data: dict) -> Obstacle:
    obstacle = Obstacle(placement=placement, created_by=user)
    for field in OBSTACLE_FIELDS:
        if field in data:
            setattr(obstacle, field, data[field])
    obstacle.full_clean(exclude=["placement", "created_by"])
    obstacle.save()
    return obstacle


@transaction.atomic
def obstacle_update(*, obstacle: Obstacle, data: dict) -> Obstacle:
    for field in OBSTACLE_FIELDS:
        if field in data:
            setattr(obstacle, field, data[field])
    obstacle.full_clean(exclude=["placement", "created_by"])
    obstacle.save()
    return obstacle


def incident_date_validate(*, placement: Placement, occurred_on: date) -> None:
    if occurred_on > timezone.localdate():
        raise ValidationError({"occurred_on": _("The date cannot be in the future.")})
    if occurred_on < placement.start_date:
        raise ValidationError(
            {
                "occurred_on": _("The date cannot be before the placement started (%(start)s).")
                % {"start": placement.start_date.isoformat()}
            }
        )


@transaction.atomic
def incident_record(*, placement: Placement, user: User, data: dict) -> Incident:
    """Record an incident; a category the school must always hear about is escalated straight away."""
    incident = Incident(placement=placement, reported_by=user, **{f: data[f] for f in INCIDENT_FIELDS if f in data})
    incident.full_clean(exclude=["placement", "reported_by", "escalated_by"])
    incident_date_validate(placement=placement, occurred_on=incident.occurred_on)
    incident.save()
    if incident.category in ALWAYS_ESCALATE:
        incident_escalate(incident=incident, user=user)
    return incident


@transaction.atomic
def incident_escalate(*, incident: Incident, user: User) -> Incident:
    """Mark the incident escalated, once, and e-mail the school supervisor after the commit."""
    if incident.status != Incident.Status.OPEN:
        raise ValidationError(_("A closed incident cannot be escalated."))
    now = timezone.now()
    # The conditional update makes escalation happen once even when two people press the button together.
    updated = Incident.objects.filter(pk=incident.pk, escalated_at__isnull=True, status=Incident.Status.OPEN).update(
        escalated_at=now, escalated_by=user
    )
    if not updated:
        raise ValidationError(_("This incident has already been escalated; the school supervisor was informed."))
    incident.escalated_at, incident.escalated_by = now, user
    # A supervisor who escalates it themselves needs no e-mail about it.
    if user.pk != incident.placement.supervisor_id:
        enqueue(send_incident_escalation, incident.pk)
    return incident


@transaction.atomic
def incident_close(*, incident: Incident) -> Incident:
    updated = Incident.objects.filter(pk=incident.pk, status=Incident.Status.OPEN).update(status=Incident.Status.CLOSED)
    if not updated:
        raise ValidationError(_("This incident is already closed."))
    incident.status = Incident.Status.CLOSED
    return incident
