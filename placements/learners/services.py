"""Adding one learner (the same rules as a row of an import), changing their record, marking them as left."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.invitations.services import awaiting_activation, invite
from accounts.models import Membership, Role, School, User
from accounts.selectors import forget_roles
from accounts.services import membership_grant

from ..imports.learner_apply import apply_learners
from ..imports.learner_plan import RECORD_FIELDS, LearnerRow, plan_learner_rows
from ..imports.outcomes import CREATE, ERROR
from ..models import LearnerRecord

PERSON_FIELDS = ("first_name", "last_name", "email")


@transaction.atomic
def learner_add(*, school: School, data: dict, by: User, send_invitation: bool) -> LearnerRecord:
    """A record (and, for a new e-mail address, an account) for one learner; with `send_invitation`, the
    learner gets an e-mail to activate it. ValidationError, by field, when the rules of an import refuse it."""
    School.objects.select_for_update().filter(pk=school.pk).first()  # as an import does: one writer per school
    row = LearnerRow(
        row=1,
        number=data["student_number"].strip(),
        first_name=data["first_name"].strip(),
        last_name=data["last_name"].strip(),
        email=data["email"].strip().lower(),
        record_values={
            name: data.get(name) or ("" if name not in ("programme", "date_of_birth") else None)
            for name in RECORD_FIELDS
        },
    )
    plan = plan_learner_rows(school, [row])
    result = plan.results[0]
    if result.outcome == ERROR:
        raise ValidationError({result.field or "student_number": result.message})
    if result.outcome != CREATE:  # the number is that of a learner on record: edit them instead
        raise ValidationError({"student_number": _("This student number is already in use at the school.")})
    apply_learners(plan, school=school, by=by, send_invitations=send_invitation)
    return plan.new_records[0]


def _taken(record: LearnerRecord, data: dict) -> dict[str, str]:
    errors = {}
    numbers = LearnerRecord.objects.filter(school_id=record.school_id, student_number=data["student_number"])
    if numbers.exclude(pk=record.pk).exists():
        errors["student_number"] = _("This student number is already in use at the school.")
    emails = User.objects.annotate(email_lower=Lower("email")).filter(email_lower=data["email"])
    if emails.exclude(pk=record.user_id).exists():
        errors["email"] = _("This e-mail address belongs to another account.")
    return errors


@transaction.atomic
def learner_update(*, record: LearnerRecord, data: dict) -> LearnerRecord:
    data = {**data, "email": data["email"].strip().lower(), "student_number": data["student_number"].strip()}
    errors = _taken(record, data)
    if errors:
        raise ValidationError(errors)
    user = record.user
    for name in PERSON_FIELDS:
        setattr(user, name, data[name])
    user.save(update_fields=list(PERSON_FIELDS))
    record.student_number = data["student_number"]
    for name in RECORD_FIELDS:
        if name in data:
            setattr(record, name, data[name])
    record.save()
    return record


@transaction.atomic
def learner_mark_left(*, record: LearnerRecord, left_on: date) -> LearnerRecord:
    """The learner left the school: their learner role there ends (records and placements stay), and their
    account closes when no other role remains."""
    if left_on > timezone.localdate():
        raise ValidationError({"left_on": _("Give the day the learner left: today or earlier.")})
    record.left_on = left_on
    record.save(update_fields=["left_on", "updated_at"])
    now = timezone.now()
    for membership in Membership.objects.select_for_update().filter(
        user_id=record.user_id, role=Role.LEARNER, school_id=record.school_id, ended_at__isnull=True
    ):
        membership.ended_at = now
        membership.save(update_fields=["ended_at"])  # saved one by one: the roles' history says who ended it
    user = record.user
    if not user.is_staff and not Membership.objects.filter(user=user, ended_at__isnull=True).exists():
        user.is_active = False
        user.save(update_fields=["is_active"])
    forget_roles(user)
    return record


@transaction.atomic
def learner_return(*, record: LearnerRecord) -> LearnerRecord:
    """Marked as left by mistake, or back at school: the learner role (and the account) open again."""
    if record.left_on is None:
        raise ValidationError(_("This learner has not left."))
    record.left_on = None
    record.save(update_fields=["left_on", "updated_at"])
    membership_grant(user=record.user, role=Role.LEARNER, school=record.school)
    forget_roles(record.user)
    return record


def learner_invite(*, record: LearnerRecord, by: User) -> None:
    """Send a learner whose account was made by an import (or added without an invitation) the e-mail with the
    link to choose a password; a new link replaces one sent before."""
    user = record.user
    if not awaiting_activation(user):
        raise ValidationError(_("%(name)s has signed in already.") % {"name": user.get_full_name()})
    invite(
        email=user.email,
        first_name=user.first_name,
        last_name=user.last_name,
        role=Role.LEARNER,
        school=record.school,
        invited_by=by,
        language=user.language,
    )
