"""Changing someone's roles at an organisation, and their leaving and coming back.

Leaving ends the person's roles at this organisation (`Membership.ended_at`): nothing is deleted, so their
placements, records and certificates keep pointing at them and the pages show them as "left". The account
closes (is_active False, log-in refused) only when no role anywhere remains; someone who also works elsewhere
keeps that access. Every change is saved row by row, so the roles' audit history records who made it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Membership, User
from ..selectors import forget_roles, roles_of
from ..services import membership_grant, refuse_closed_account
from .company_origin import mark_added_for
from .selectors import MANAGER_ROLE, Org


def _refuse_own_manager_role(person: User, org: Org, by: User, *, keeps_manager_role: bool) -> None:
    # A manager who took away their own right to manage would lock the organisation's people pages for
    # themselves (and possibly for everyone): another manager, or staff, does that.
    if person.pk == by.pk and not keeps_manager_role and not roles_of(by).is_staff:
        raise ValidationError(_("You cannot take away your own right to manage these people; ask a colleague."))


def _end(memberships, now) -> None:
    for membership in memberships:
        membership.ended_at = now
        membership.save(update_fields=["ended_at"])


def _close_account_without_roles(person: User) -> None:
    if not person.is_staff and not Membership.objects.filter(user=person, ended_at__isnull=True).exists():
        person.is_active = False
        person.save(update_fields=["is_active"])


@transaction.atomic
def roles_set(*, person: User, org: Org, roles: list[str], by: User) -> None:
    """Give `person` exactly `roles` among the organisation's managed roles (others, e.g. learner, stay)."""
    wanted = {str(role) for role in roles}
    if not wanted or not wanted <= {str(role) for role in org.managed_roles}:
        raise ValidationError(_("Choose at least one of the roles offered."))
    _refuse_own_manager_role(person, org, by, keeps_manager_role=MANAGER_ROLE[org.kind] in wanted)
    current = org.memberships().filter(user=person, role__in=org.managed_roles, ended_at__isnull=True)
    _end([m for m in current.select_for_update() if m.role not in wanted], timezone.now())
    for role in wanted:
        membership_grant(user=person, role=role, **org.invitation_fields())
    forget_roles(person)


@transaction.atomic
def person_deactivate(*, person: User, org: Org, by: User) -> None:
    """The person left the organisation: end all their roles there; close the account if none remain."""
    _refuse_own_manager_role(person, org, by, keeps_manager_role=False)
    current = org.memberships().filter(user=person, ended_at__isnull=True).select_for_update()
    if not current.exists():
        raise ValidationError(_("This person has left already."))
    _end(current, timezone.now())
    _close_account_without_roles(person)
    forget_roles(person)


@transaction.atomic
def person_reactivate(*, person: User, org: Org, by: User) -> None:
    """The person is back: the roles that ended at their last leaving are given back, and the account opens."""
    refuse_closed_account(person)
    ended = org.memberships().filter(user=person, ended_at__isnull=False).select_for_update()
    last = ended.order_by("-ended_at").values_list("ended_at", flat=True).first()
    if last is None and person.is_active:
        raise ValidationError(_("This person has not left."))
    for membership in ended.filter(ended_at=last) if last else []:
        membership_grant(user=person, role=membership.role, **org.invitation_fields())
    if not person.is_active:
        person.is_active = True
        person.save(update_fields=["is_active"])
    forget_roles(person)


def company_create(form, *, school_id):
    """Save a new company; `school_id` (a coordinator's school) is recorded in its creation history row."""
    company = form.save(commit=False)
    mark_added_for(company, school_id)
    company.save()
    return company


def company_update(form):
    """Save a company's profile (its audit history records who changed what)."""
    return form.save()


def school_save(form):
    return form.save()


def location_save(form):
    return form.save()


def location_delete(location) -> None:
    # Nothing points at a location yet (placements name the company), so removing one loses no record.
    location.delete()
