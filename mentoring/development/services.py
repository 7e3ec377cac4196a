"""Writes of the work mentor's development log. The rules hold whoever calls: nothing in the future, half hours."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from ..models import DevelopmentActivity

EDITABLE_FIELDS = ("kind", "title", "date", "hours", "notes")
COURSE_ROW_MESSAGE = _(
    "This activity was recorded from a mentor course you completed; the school keeps it, so it cannot be changed "
    "or removed here."
)
MIN_HOURS = Decimal("0.5")
MAX_HOURS = Decimal("200")
HOURS_STEP = Decimal("0.5")

FUTURE_DATE_MESSAGE = _("This date is in the future. Log what you have done, on the day you did it.")
HOURS_RANGE_MESSAGE = _("Enter between 0.5 and 200 hours.")
HOURS_STEP_MESSAGE = _("Enter the hours in steps of half an hour, for example 1.5.")


def _hours_error(hours) -> str | None:
    if hours is None:
        return None  # the model's own "required" check reports it
    try:
        hours = Decimal(str(hours))
    except InvalidOperation:
        return HOURS_RANGE_MESSAGE
    if not hours.is_finite() or not MIN_HOURS <= hours <= MAX_HOURS:
        return HOURS_RANGE_MESSAGE
    if hours % HOURS_STEP:
        return HOURS_STEP_MESSAGE
    return None


def development_rule_errors(*, day: date | None, hours) -> dict[str, list]:
    """The log's own rules on date and hours, keyed by field; forms show them, the services enforce them."""
    errors: dict[str, list] = {}
    if day and day > timezone.localdate():
        errors["date"] = [FUTURE_DATE_MESSAGE]
    hours_error = _hours_error(hours)
    if hours_error:
        errors["hours"] = [hours_error]
    return errors


def development_activity_validate(activity: DevelopmentActivity) -> None:
    """Raise ValidationError (keyed by field) when the activity breaks a rule of the log."""
    errors = development_rule_errors(day=activity.date, hours=activity.hours)
    try:
        # Our own messages for date and hours say more than the model's generic ones.
        activity.full_clean(exclude=list(errors), validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)


def _apply(activity: DevelopmentActivity, data: dict) -> None:
    for field in EDITABLE_FIELDS:
        if field in data:
            setattr(activity, field, data[field])
    activity.title = (activity.title or "").strip()
    activity.notes = (activity.notes or "").strip()


def _apply_proof(activity: DevelopmentActivity, data: dict) -> None:
    """A new upload replaces the proof, `False` (the clear box) removes it; the old file goes after the commit."""
    upload = data.get("proof")
    if not (upload is False or isinstance(upload, UploadedFile)):
        return
    if activity.proof:
        storage, name = activity.proof.storage, activity.proof.name
        transaction.on_commit(lambda: storage.delete(name))
    activity.proof = upload or ""


def _refuse_course_row(activity: DevelopmentActivity) -> None:
    if activity.from_course:
        raise ValidationError(COURSE_ROW_MESSAGE)


@transaction.atomic
def development_activity_create(*, mentor: User, data: dict) -> DevelopmentActivity:
    activity = DevelopmentActivity(mentor=mentor)
    _apply(activity, data)
    development_activity_validate(activity)
    _apply_proof(activity, data)
    activity.save()
    return activity


@transaction.atomic
def development_activity_update(*, activity: DevelopmentActivity, data: dict) -> DevelopmentActivity:
    _refuse_course_row(activity)
    _apply(activity, data)
    development_activity_validate(activity)
    _apply_proof(activity, data)
    activity.save(update_fields=[*EDITABLE_FIELDS, "proof"])
    return activity


@transaction.atomic
def development_activity_delete(*, activity: DevelopmentActivity) -> None:
    _refuse_course_row(activity)
    if activity.proof:
        storage, name = activity.proof.storage, activity.proof.name
        transaction.on_commit(lambda: storage.delete(name))
    activity.delete()
