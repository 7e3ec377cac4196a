"""Planning a learner import: every row's outcome (create, update, unchanged or error and why), read with a fixed
number of queries whatever the length of the file, and what applying it writes.

A learner is found by their student number at the school; a new number with the e-mail address of an existing
account gives that account a learner record (no second account). Columns that are not mapped are left alone;
a mapped column that is empty clears the field: the student information system is the source.
"""

import secrets
from dataclasses import dataclass, field

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership, Role, School, User
from accounts.services import account_closed_by_staff

from ..models import LearnerRecord, Programme
from .columns import LEARNER_TARGETS
from .outcomes import (
    CREATE,
    ERROR,
    PROGRESS_EVERY,
    UNCHANGED,
    UPDATE,
    Plan,
    RowError,
    RowResult,
    limited,
    parse_date,
    parse_email,
    student_number,
)
from .programmes import ProgrammeFinder

LABELS = {target.name: target.label for target in LEARNER_TARGETS}
RECORD_FIELDS = ("programme", "cohort", "date_of_birth", "guardian_name", "guardian_email", "guardian_phone")
USER_FIELDS = ("first_name", "last_name", "email")
TEXT_LIMITS = {"cohort": 20, "guardian_name": 200, "guardian_phone": 40}


@dataclass
class LearnerRow:
    row: int
    number: str
    first_name: str
    last_name: str
    email: str
    record_values: dict  # the optional record fields whose column is mapped

    @property
    def what(self) -> str:
        return f"{self.number} · {self.first_name} {self.last_name}"


@dataclass
class LearnerPlan(Plan):
    new_users: list[User] = field(default_factory=list)
    new_records: list[LearnerRecord] = field(default_factory=list)
    # Accounts that existed and get the learner role at the school (new, or back after it ended).
    role_for_existing: list[User] = field(default_factory=list)
    changed_users: list[User] = field(default_factory=list)
    changed_records: list[LearnerRecord] = field(default_factory=list)


def _cell(cells: list[str], columns: dict, name: str) -> str:
    index = columns.get(name)
    return cells[index].strip() if index is not None and 0 <= index < len(cells) else ""


def read_row(number: int, cells: list[str], columns: dict, programmes: ProgrammeFinder) -> LearnerRow:
    """The row's values, checked on their own (RowError says what is wrong)."""
    student = limited(
        student_number(_cell(cells, columns, "student_number")), "student_number", LABELS["student_number"], 40
    )
    if not student:
        raise RowError(_("The student number is missing."), "student_number")
    first_name = limited(_cell(cells, columns, "first_name"), "first_name", LABELS["first_name"], 100)
    last_name = " ".join(part for part in (_cell(cells, columns, "prefix"), _cell(cells, columns, "last_name")) if part)
    last_name = limited(last_name, "last_name", LABELS["last_name"], 100)
    if not first_name or not last_name:
        raise RowError(
            _("The first name and the last name are both needed."), "first_name" if not first_name else "last_name"
        )
    email = parse_email(_cell(cells, columns, "email"), "email", LABELS["email"])
    if not email:
        raise RowError(_("The e-mail address is missing: the learner needs it to log in."), "email")
    values = {}
    for name in RECORD_FIELDS:
        if columns.get(name) is None:
            continue
        text = _cell(cells, columns, name)
        if name == "programme":
            values[name] = programmes.find(text) if text else None
        elif name == "date_of_birth":
            values[name] = parse_date(text, name, LABELS[name])
            if values[name] and values[name] > timezone.localdate():
                raise RowError(_("The date of birth %(date)s is in the future.") % {"date": text}, name)
        elif name == "guardian_email":
            values[name] = parse_email(text, name, LABELS[name])
        else:
            values[name] = limited(text, name, LABELS[name], TEXT_LIMITS[name])
    return LearnerRow(number, student, first_name, last_name, email, values)


def _changes(current: dict, wanted: dict) -> list[str]:
    return [name for name, value in wanted.items() if current.get(name) != value]


def _record_values(record: LearnerRecord) -> dict:
    values = {name: getattr(record, name) for name in RECORD_FIELDS if name != "programme"}
    values["programme"] = record.programme_id
    return values


def _wanted_record_values(row: LearnerRow) -> dict:
    return {
        name: (value.pk if name == "programme" and value is not None else value)
        for name, value in row.record_values.items()
    }


def _set_record_values(record: LearnerRecord, row: LearnerRow) -> None:
    for name, value in row.record_values.items():
        setattr(record, name, value)


class _Existing:
    """What the database already holds about the file's learners, read in a fixed number of queries."""

    def __init__(self, school: School, rows: list[LearnerRow]):
        numbers = {row.number for row in rows}
        emails = {row.email for row in rows}
        self.by_number = {
            record.student_number: record
            for record in LearnerRecord.objects.filter(school=school, student_number__in=numbers).select_related("user")
        }
        self.users = {
            user.email_lower: user
            for user in User.objects.annotate(email_lower=Lower("email")).filter(email_lower__in=emails)
        }
        user_ids = [user.pk for user in self.users.values()]
        self.records_by_user = {
            record.user_id: record
            for record in LearnerRecord.objects.filter(user_id__in=user_ids).only(
                "user_id", "school_id", "student_number"
            )
        }
        self.memberships = {
            membership.user_id: membership
            for membership in Membership.objects.filter(role=Role.LEARNER, school=school, user_id__in=user_ids)
        }


def _plan_existing(plan: LearnerPlan, row: LearnerRow, record: LearnerRecord, existing: _Existing) -> RowResult:
    user = record.user
    if row.email != user.email.lower():
        owner = existing.users.get(row.email)
        if owner is not None and owner.pk != user.pk:
            raise RowError(
                _("The e-mail address %(email)s belongs to another account.") % {"email": row.email}, "email"
            )
    user_changes = _changes(
        {"first_name": user.first_name, "last_name": user.last_name, "email": user.email.lower()},
        {"first_name": row.first_name, "last_name": row.last_name, "email": row.email},
    )
    record_changes = _changes(_record_values(record), _wanted_record_values(row))
    if not user_changes and not record_changes:
        return RowResult(row.row, UNCHANGED, row.what)
    if user_changes:
        user.first_name, user.last_name, user.email = row.first_name, row.last_name, row.email
        plan.changed_users.append(user)
    if record_changes:
        _set_record_values(record, row)
        plan.changed_records.append(record)
    changed = ", ".join(str(LABELS.get(name, name)) for name in user_changes + record_changes)
    return RowResult(row.row, UPDATE, row.what, _("Changes: %(fields)s.") % {"fields": changed})


def _plan_new(plan: LearnerPlan, row: LearnerRow, school: School, existing: _Existing) -> RowResult:
    owner = existing.users.get(row.email)
    if owner is not None:
        other = existing.records_by_user.get(owner.pk)
        if other is not None and other.school_id == school.pk:
            raise RowError(
                _("The e-mail address %(email)s is already that of learner %(number)s.")
                % {"email": row.email, "number": other.student_number},
                "email",
            )
        if other is not None:
            raise RowError(_("%(email)s is a learner at another school.") % {"email": row.email}, "email")
        if account_closed_by_staff(owner):
            raise RowError(
                _("The account of %(email)s was closed by the site staff; ask them to open it again.")
                % {"email": row.email},
                "email",
            )
        membership = existing.memberships.get(owner.pk)
        if membership is None or membership.ended_at is not None or not owner.is_active:
            plan.role_for_existing.append(owner)
        user, message = owner, _("Learner record for the existing account %(email)s.") % {"email": row.email}
    else:
        # No password yet (an invitation or the school's sign-in gives access): what make_password(None) makes,
        # from one call to the system's random source instead of forty (a tenth of a 5,000-row dry run).
        unusable = UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30)
        user = User(email=row.email, first_name=row.first_name, last_name=row.last_name, password=unusable)
        plan.new_users.append(user)
        message = _("New account and learner record.")
    record = LearnerRecord(user=user, school=school, student_number=row.number)
    _set_record_values(record, row)
    plan.new_records.append(record)
    return RowResult(row.row, CREATE, row.what, message)


def plan_learners(
    school: School, table_rows: list[tuple[int, list[str]]], columns: dict, *, progress=None
) -> LearnerPlan:
    programmes = ProgrammeFinder(Programme.objects.filter(school=school))
    read: list[LearnerRow | RowResult] = []
    first_of_number: dict[str, int] = {}
    first_of_email: dict[str, int] = {}
    for number, cells in table_rows:
        try:
            row = read_row(number, cells, columns, programmes)
            if row.number in first_of_number:
                message = _("Student number %(number)s is also on row %(row)d.")
                raise RowError(message % {"number": row.number, "row": first_of_number[row.number]}, "student_number")
            if row.email in first_of_email:
                message = _("The e-mail address %(email)s is also on row %(row)d.")
                raise RowError(message % {"email": row.email, "row": first_of_email[row.email]}, "email")
        except RowError as error:
            what = _cell(cells, columns, "student_number") or "—"
            read.append(RowResult(number, ERROR, what, error.message, error.field))
            continue
        first_of_number[row.number] = first_of_email[row.email] = number
        read.append(row)
    return plan_learner_rows(school, read, progress=progress)


def plan_learner_rows(school: School, read: list, *, progress=None) -> LearnerPlan:
    """The plan for rows already read (LearnerRow), or refused on their own (RowResult)."""
    plan = LearnerPlan()
    existing = _Existing(school, [row for row in read if isinstance(row, LearnerRow)])
    for done, item in enumerate(read, start=1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done)
        if isinstance(item, RowResult):
            plan.results.append(item)
            continue
        try:
            record = existing.by_number.get(item.number)
            if record is not None:
                plan.results.append(_plan_existing(plan, item, record, existing))
            else:
                plan.results.append(_plan_new(plan, item, school, existing))
        except RowError as error:
            plan.results.append(RowResult(item.row, ERROR, item.what, error.message, error.field))
    return plan
