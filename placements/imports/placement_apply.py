"""Writing a placement plan (placements/imports/placement_plan.py) with bulk queries and their audit history,
inside the caller's transaction: first the new companies and the empty fields filled in, then the new people and
their roles, the roles of accounts that existed, and last the placements that point at all of them.

As in the learner import, invitations are asked for before the new accounts exist, so that the invitation
service gives each new person an activation link (once, for their first role, however many rows name them);
accounts that existed get their role through the accounts' own services, with an e-mail when invitations are on.
"""

from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from accounts.invitations.services import invite
from accounts.models import Company, Membership, School, User
from accounts.people.company_origin import mark_added_for
from accounts.services import membership_grant

from ..models import Placement
from .placement_people import COMPANY_FIELDS, Grant, PeoplePlan
from .placement_plan import PlacementPlan

BATCH = 1000
UPDATED_FIELDS = ["end_date", "hours_per_week", "mentor", "supervisor", "programme", "updated_at"]


def _invite(grant: Grant, by: User | None) -> None:
    user = grant.user
    invite(
        email=user.email,
        first_name=user.first_name,
        last_name=user.last_name,
        role=grant.role,
        invited_by=by,
        language=user.language,
        send=True,
        **grant.fields,
    )


def _write_companies(people: PeoplePlan, school: School, by: User | None) -> None:
    for company in people.new_companies:
        # Its coordinators edit it (and invite its admin) like a company they added by hand.
        mark_added_for(company, school.pk)
    bulk_create_with_history(people.new_companies, Company, batch_size=BATCH, default_user=by)
    if people.filled_companies:
        bulk_update_with_history(
            people.filled_companies, Company, list(COMPANY_FIELDS), batch_size=BATCH, default_user=by
        )


def _write_people(people: PeoplePlan, by: User | None, send_invitations: bool) -> None:
    if send_invitations:
        invited = set()
        for grant in people.new_roles:
            if grant.user.email not in invited:
                invited.add(grant.user.email)
                _invite(grant, by)
    User.objects.bulk_create(people.new_users, batch_size=BATCH)
    # bulk_create takes each role's account and company id from the objects saved just above.
    memberships = [Membership(user=grant.user, role=grant.role, **grant.fields) for grant in people.new_roles]
    bulk_create_with_history(memberships, Membership, batch_size=BATCH, default_user=by)
    for grant in people.role_for_existing:  # few: people the app knew already (a mentor elsewhere, a teacher)
        if send_invitations:
            _invite(grant, by)
        else:
            membership_grant(user=grant.user, role=grant.role, **grant.fields)


def apply_placements(plan: PlacementPlan, *, school: School, by: User | None, send_invitations: bool) -> None:
    _write_companies(plan.people, school, by)
    _write_people(plan.people, by, send_invitations)
    # Placements are audited (home/history/): bulk writes say so, with the importing coordinator as the author.
    bulk_create_with_history(plan.new_placements, Placement, batch_size=BATCH, default_user=by)
    if plan.changed_placements:
        now = timezone.now()
        for placement in plan.changed_placements:
            placement.updated_at = now  # bulk_update does not touch auto_now fields
        bulk_update_with_history(plan.changed_placements, Placement, UPDATED_FIELDS, batch_size=BATCH, default_user=by)
