"""Writes through the API, made the way the onboarding import makes them (placements/imports/):

- a learner is found by their student number at the school (placements/imports/learner_plan.py): a new number
  makes the account and the learner record (or gives an existing account the record), a known number updates
  the name, e-mail and the fields sent; the same request twice is one learner;
- a company is found by its KvK number (placements/imports/placement_people.py's Directory): an unknown number
  makes the company (added for the school, so its coordinators edit it), a known one only gets its empty fields
  filled in, never overwritten; the same request twice is one company.

The planners refuse what the import refuses (another account's e-mail, a learner of another school, two companies
with one KvK number), and their message becomes the problem's validation error. A second request racing the first
meets the database's unique constraint and is planned again, then as an update.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied, ValidationError

from accounts.models import Company, School, User
from accounts.people.company_origin import mark_added_for
from accounts.people.selectors import editable_companies
from placements.imports.learner_apply import apply_learners
from placements.imports.learner_plan import RECORD_FIELDS, LearnerRow, plan_learner_rows
from placements.imports.outcomes import CREATE, ERROR, RowError, kvk_number, student_number
from placements.imports.placement_people import COMPANY_FIELDS, Directory, Draft
from placements.models import LearnerRecord

NUMBER_LIMIT = 40  # LearnerRecord.student_number and Company.registration_number
LEARNER_RECORD_FIELDS = [name for name in RECORD_FIELDS if name != "programme"]


def _refused(result, default_field: str) -> ValidationError:
    return ValidationError({result.field or default_field: [result.message]})


def learner_upsert(*, school: School, by: User, number: str, data: dict) -> tuple[LearnerRecord, bool]:
    """Create or update the school's learner with this student number; (record, created)."""
    number = student_number(number)
    if not number or len(number) > NUMBER_LIMIT:
        raise ValidationError(
            {"student_number": [_("A student number of 1 to %(max)d characters.") % {"max": NUMBER_LIMIT}]}
        )
    user_data = data.get("user", {})
    row = LearnerRow(
        row=1,
        number=number,
        first_name=user_data["first_name"].strip(),
        last_name=user_data["last_name"].strip(),
        email=user_data["email"].strip().lower(),
        record_values={name: data[name] for name in LEARNER_RECORD_FIELDS if name in data},
    )
    for attempt in range(2):
        try:
            with transaction.atomic():
                plan = plan_learner_rows(school, [row])
                result = plan.results[0]
                if result.outcome == ERROR:
                    raise _refused(result, "student_number")
                apply_learners(plan, school=school, by=by, send_invitations=False)
            break
        except IntegrityError:
            if attempt:
                raise
    record = LearnerRecord.objects.select_related("user").get(school=school, student_number=number)
    return record, result.outcome == CREATE


@dataclass
class CompanyRow:
    """The shape of an import row that the Directory reads: a KvK number, the company's columns, nobody named."""

    kvk: str
    company: dict = field(default_factory=dict)
    mentor_email: str = ""
    supervisor_email: str = ""


def company_upsert(*, school: School, by: User, kvk: str, data: dict) -> tuple[Company, bool]:
    """Find the company by KvK number or add it for the school; (company, created)."""
    if not kvk_number(kvk) or len(kvk_number(kvk)) > NUMBER_LIMIT:
        raise ValidationError({"kvk_number": [_("A KvK number of 1 to %(max)d characters.") % {"max": NUMBER_LIMIT}]})
    row = CompanyRow(kvk_number(kvk), {name: (data.get(name) or "").strip() for name in ("name", *COMPANY_FIELDS)})
    for attempt in range(2):
        try:
            with transaction.atomic():
                company, created = _company_write(row, school, by)
            return company, created
        except IntegrityError:
            if attempt:
                raise
    raise AssertionError("unreachable")


def _company_write(row: CompanyRow, school: School, by: User) -> tuple[Company, bool]:
    directory = Directory(school, [row])
    draft = Draft()
    try:
        company = directory.company(row, draft)
    except RowError as error:
        raise ValidationError({"kvk_number" if error.field == "kvk" else "name": [error.message]}) from None
    if draft.new_company is not None:
        mark_added_for(company, school.pk)  # its coordinators edit it, like a company they added by hand
        company.save()
        return company, True
    # Known: the import fills in its empty fields; that needs the right to edit it (as on the company's page).
    if not editable_companies(by).filter(pk=company.pk).exists():
        raise PermissionDenied(
            _("A company with this KvK number exists but is not one of your school's: its own admins and the "
              "coordinators of the schools whose learners it hosts change it.")
        )  # fmt: skip
    if draft.fills:
        for name, value in draft.fills.items():
            setattr(company, name, value)
        company.save(update_fields=list(draft.fills))
    return company, False
