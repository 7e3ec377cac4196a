"""Writes of placements. Every rule that must hold whoever calls is checked here, inside the transaction."""

from collections.abc import Callable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Role, User
from accounts.selectors import people_with_role

from .models import Placement
from .selectors import overlapping_open_placements

EDITABLE_FIELDS = (
    "school",
    "learner",
    "programme",
    "company",
    "mentor",
    "supervisor",
    "start_date",
    "end_date",
    "hours_per_week",
)

ALLOWED_TRANSITIONS = {
    Placement.Status.PLANNED: (Placement.Status.ACTIVE, Placement.Status.ENDED_EARLY),
    Placement.Status.ACTIVE: (Placement.Status.COMPLETED, Placement.Status.ENDED_EARLY),
    Placement.Status.COMPLETED: (),
    Placement.Status.ENDED_EARLY: (),
}


# Rules of higher apps about a placement (placements sits below them, so they register here when they load,
# e.g. in their AppConfig.ready): a guard returns why a placement may not become active (or None); a listener
# hears, inside the transaction of placement_update, that a placement was changed.
ACTIVATION_GUARDS: list[Callable[[Placement], str | None]] = []
CHANGE_LISTENERS: list[Callable[[Placement], None]] = []


def activation_guard_add(guard: Callable[[Placement], str | None]) -> None:
    if guard not in ACTIVATION_GUARDS:
        ACTIVATION_GUARDS.append(guard)


def change_listener_add(listener: Callable[[Placement], None]) -> None:
    if listener not in CHANGE_LISTENERS:
        CHANGE_LISTENERS.append(listener)


def placement_validate(placement: Placement) -> None:
    """Raise ValidationError (keyed by field) when the placement breaks a rule of the domain."""
    errors: dict[str, list[str]] = {}
    if placement.start_date and placement.end_date and placement.end_date <= placement.start_date:
        errors.setdefault("end_date", []).append(_("The end date must be after the start date."))
    learners = people_with_role(Role.LEARNER, schools=[placement.school_id])
    if placement.learner_id and placement.school_id and not learners.filter(pk=placement.learner_id).exists():
        errors.setdefault("learner", []).append(_("This person is not a learner of the chosen school."))
    if placement.supervisor_id and placement.school_id:
        supervisors = people_with_role(Role.TEACHER, schools=[placement.school_id])
        if not supervisors.filter(pk=placement.supervisor_id).exists():
            errors.setdefault("supervisor", []).append(_("The supervisor must be a teacher of the learner's school."))
    if placement.mentor_id and placement.company_id:
        mentors = people_with_role(Role.MENTOR, companies=[placement.company_id])
        if not mentors.filter(pk=placement.mentor_id).exists():
            errors.setdefault("mentor", []).append(_("The work mentor must work at the host company."))
    if placement.programme_id and placement.school_id and placement.programme.school_id != placement.school_id:
        errors.setdefault("programme", []).append(_("The programme must belong to the learner's school."))
    if (
        placement.is_open
        and placement.learner_id
        and placement.start_date
        and placement.end_date
        and placement.end_date > placement.start_date
    ):
        clash = overlapping_open_placements(
            learner=placement.learner_id,
            start_date=placement.start_date,
            end_date=placement.end_date,
            exclude_pk=placement.pk,
        ).first()
        if clash:
            errors.setdefault("start_date", []).append(
                _("This learner already has a placement at %(company)s from %(start)s to %(end)s in this period.")
                % {"company": clash.company.name, "start": clash.start_date, "end": clash.end_date}
            )
    if errors:
        raise ValidationError(errors)


def _lock_learner(learner_id: int) -> None:
    # Serialises placement writes per learner, so two requests cannot both pass the overlap check.
    User.objects.select_for_update().filter(pk=learner_id).first()


@transaction.atomic
def placement_create(*, data: dict) -> Placement:
    placement = Placement(**{field: data[field] for field in EDITABLE_FIELDS if field in data})
    placement.status = Placement.Status.PLANNED
    _lock_learner(placement.learner_id)
    placement_validate(placement)
    placement.save()
    return placement


@transaction.atomic
def placement_update(*, placement: Placement, data: dict) -> Placement:
    for field in EDITABLE_FIELDS:
        if field in data:
            setattr(placement, field, data[field])
    _lock_learner(placement.learner_id)
    placement_validate(placement)
    placement.save()
    for listener in CHANGE_LISTENERS:
        listener(placement)
    return placement


@transaction.atomic
def placement_change_status(
    *, placement: Placement, status: str, ended_on: date | None = None, reason: str = ""
) -> Placement:
    if status not in ALLOWED_TRANSITIONS[placement.status]:
        raise ValidationError(
            {
                "status": _("A placement that is %(current)s cannot become %(new)s.")
                % {"current": placement.get_status_display(), "new": Placement.Status(status).label}
            }
        )
    if status == Placement.Status.ACTIVE:
        refusals = [why for guard in ACTIVATION_GUARDS if (why := guard(placement))]
        if refusals:
            raise ValidationError({"status": refusals})
    if status == Placement.Status.ENDED_EARLY:
        errors = {}
        if not reason.strip():
            errors["end_reason"] = _("Say why the placement ended early.")
        if ended_on is None:
            errors["ended_on"] = _("Give the date on which the placement ended.")
        elif ended_on < placement.start_date:
            errors["ended_on"] = _("The placement cannot end before it started.")
        if errors:
            raise ValidationError(errors)
        placement.ended_on = ended_on
        placement.end_reason = reason.strip()
    placement.status = status
    placement.save(update_fields=["status", "ended_on", "end_reason", "updated_at"])
    return placement
