"""Writing a learner plan (placements/imports/learner_plan.py) with bulk queries, inside the caller's transaction.

Invitations are asked for before the new accounts exist, so that the invitation service sends each new learner
an activation link (an account that exists already would get "a role was added" instead). Accounts that existed
before the import get the role through the accounts' own services (with their e-mail when invitations are on).
"""

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from accounts.invitations.services import invite
from accounts.models import Membership, Role, School, User
from accounts.services import membership_grant

from ..models import LearnerRecord
from .learner_plan import RECORD_FIELDS, USER_FIELDS, LearnerPlan

BATCH = 1000


def _invite(user: User, school: School, by: User | None) -> None:
    invite(
        email=user.email,
        first_name=user.first_name,
        last_name=user.last_name,
        role=Role.LEARNER,
        school=school,
        invited_by=by,
        language=user.language,
        send=True,
    )


def apply_learners(plan: LearnerPlan, *, school: School, by: User | None, send_invitations: bool) -> None:
    if send_invitations:
        for user in plan.new_users:
            _invite(user, school, by)
    User.objects.bulk_create(plan.new_users, batch_size=BATCH)
    memberships = [Membership(user=user, role=Role.LEARNER, school=school) for user in plan.new_users]
    bulk_create_with_history(memberships, Membership, batch_size=BATCH, default_user=by)
    for user in plan.role_for_existing:  # few: someone already known to the app (a teacher, a former learner)
        if send_invitations:
            _invite(user, school, by)
        else:
            membership_grant(user=user, role=Role.LEARNER, school=school)
    # bulk_create takes each record's user id from its account, saved just above.
    LearnerRecord.objects.bulk_create(plan.new_records, batch_size=BATCH)
    if plan.changed_users:
        User.objects.bulk_update(plan.changed_users, list(USER_FIELDS), batch_size=BATCH)
    if plan.changed_records:
        now = timezone.now()
        for record in plan.changed_records:
            record.updated_at = now  # bulk_update does not touch auto_now fields
        LearnerRecord.objects.bulk_update(plan.changed_records, [*RECORD_FIELDS, "updated_at"], batch_size=BATCH)
