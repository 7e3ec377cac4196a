"""Planning a placement import: learner (student number) + company (KvK number) + work mentor and school
supervisor (e-mail) + period + hours + programme, each row's outcome read with a fixed number of queries.

A placement is the same one when learner, company and start date are: then its end date, hours, people and
programme are updated. A company is never made up: an unknown KvK number is an error naming it. The mentor must
work at that company, the supervisor teach at the school, and a new placement may not overlap another open
placement of the learner (in the app or elsewhere in the file), as when a placement is added by hand.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from accounts.models import Company, Membership, Role, School

from ..models import LearnerRecord, Placement, Programme
from .columns import PLACEMENT_TARGETS
from .learner_plan import _cell
from .outcomes import (
    CREATE,
    ERROR,
    PROGRESS_EVERY,
    UNCHANGED,
    UPDATE,
    Plan,
    RowError,
    RowResult,
    kvk_number,
    limited,
    parse_date,
    parse_email,
    parse_whole_number,
    student_number,
)
from .programmes import ProgrammeFinder

LABELS = {target.name: target.label for target in PLACEMENT_TARGETS}
COMPARED_LABELS = {
    "end_date": LABELS["end_date"],
    "hours_per_week": LABELS["hours_per_week"],
    "mentor_id": LABELS["mentor_email"],
    "supervisor_id": LABELS["supervisor_email"],
    "programme_id": LABELS["programme"],
}


@dataclass
class PlacementRow:
    row: int
    number: str
    kvk: str
    mentor_email: str
    supervisor_email: str
    start_date: date
    end_date: date
    hours_per_week: int
    programme: Programme | None

    @property
    def what(self) -> str:
        return f"{self.number} · KvK {self.kvk} · {self.start_date.isoformat()}"


@dataclass
class PlacementPlan(Plan):
    new_placements: list[Placement] = field(default_factory=list)
    changed_placements: list[Placement] = field(default_factory=list)


def read_row(number: int, cells: list[str], columns: dict, programmes: ProgrammeFinder) -> PlacementRow:
    student = limited(
        student_number(_cell(cells, columns, "student_number")), "student_number", LABELS["student_number"], 40
    )
    if not student:
        raise RowError(_("The student number is missing."), "student_number")
    kvk = kvk_number(_cell(cells, columns, "kvk"))
    if not (kvk.isascii() and kvk.isdigit() and len(kvk) == 8):
        raise RowError(
            _("KvK number “%(value)s” is not eight digits.") % {"value": _cell(cells, columns, "kvk")}, "kvk"
        )
    emails = {}
    for name in ("mentor_email", "supervisor_email"):
        emails[name] = parse_email(_cell(cells, columns, name), name, LABELS[name])
        if not emails[name]:
            raise RowError(_("%(field)s is missing.") % {"field": LABELS[name]}, name)
    start = parse_date(_cell(cells, columns, "start_date"), "start_date", LABELS["start_date"])
    end = parse_date(_cell(cells, columns, "end_date"), "end_date", LABELS["end_date"])
    if start is None or end is None:
        raise RowError(
            _("The start date and the end date are both needed."), "start_date" if start is None else "end_date"
        )
    if end <= start:
        raise RowError(_("The end date must be after the start date."), "end_date")
    hours = parse_whole_number(
        _cell(cells, columns, "hours_per_week"), "hours_per_week", LABELS["hours_per_week"], low=1, high=60
    )
    programme_text = _cell(cells, columns, "programme")
    programme = programmes.find(programme_text) if programme_text else None
    return PlacementRow(
        number, student, kvk, emails["mentor_email"], emails["supervisor_email"], start, end, hours, programme
    )


class _Existing:
    """Learners, companies, people and placements the file names, read in a fixed number of queries."""

    def __init__(self, school: School, rows: list[PlacementRow]):
        self.records = {
            record.student_number: record
            for record in LearnerRecord.objects.filter(
                school=school, student_number__in={row.number for row in rows}
            ).only("user_id", "student_number", "programme_id")
        }
        self.companies: dict[str, list[Company]] = {}
        for company in Company.objects.filter(registration_number__in={row.kvk for row in rows}).only(
            "pk", "name", "registration_number"
        ):
            self.companies.setdefault(company.registration_number, []).append(company)
        company_ids = [company.pk for found in self.companies.values() for company in found]
        self.mentors = {
            (company_id, email): user_id
            for company_id, email, user_id in Membership.objects.filter(
                role=Role.MENTOR, company_id__in=company_ids, ended_at__isnull=True, user__is_active=True
            )
            .annotate(email=Lower("user__email"))
            .filter(email__in={row.mentor_email for row in rows})
            .values_list("company_id", "email", "user_id")
        }
        self.supervisors = dict(
            Membership.objects.filter(role=Role.TEACHER, school=school, ended_at__isnull=True, user__is_active=True)
            .annotate(email=Lower("user__email"))
            .filter(email__in={row.supervisor_email for row in rows})
            .values_list("email", "user_id")
        )
        self.placements: dict[int, list[Placement]] = {}
        learner_ids = [record.user_id for record in self.records.values()]
        for placement in Placement.objects.filter(learner_id__in=learner_ids).select_related("company"):
            self.placements.setdefault(placement.learner_id, []).append(placement)


def _overlap(placements, start: date, end: date, exclude=None):
    for other in placements:
        if other is not exclude and other.is_open and other.start_date <= end and other.end_date >= start:
            return other
    return None


def _plan_row(plan: PlacementPlan, row: PlacementRow, school: School, existing: _Existing, added: dict) -> RowResult:
    record = existing.records.get(row.number)
    if record is None:
        raise RowError(
            _("No learner with student number %(number)s at the school: import the learners first.")
            % {"number": row.number},
            "student_number",
        )
    companies = existing.companies.get(row.kvk, [])
    if not companies:
        raise RowError(
            _("No company with KvK number %(kvk)s is known: add the company first.") % {"kvk": row.kvk}, "kvk"
        )
    if len(companies) > 1:
        raise RowError(_("More than one company has KvK number %(kvk)s: merge them first.") % {"kvk": row.kvk}, "kvk")
    company = companies[0]
    mentor_id = existing.mentors.get((company.pk, row.mentor_email))
    if mentor_id is None:
        raise RowError(
            _("%(email)s is not a work mentor at %(company)s.") % {"email": row.mentor_email, "company": company.name},
            "mentor_email",
        )
    supervisor_id = existing.supervisors.get(row.supervisor_email)
    if supervisor_id is None:
        raise RowError(
            _("%(email)s is not a school supervisor (teacher) at the school.") % {"email": row.supervisor_email},
            "supervisor_email",
        )
    programme_id = row.programme.pk if row.programme else record.programme_id
    if programme_id is None:
        raise RowError(_("No programme: give it in the file or on the learner's record."), "programme")
    wanted = {
        "end_date": row.end_date,
        "hours_per_week": row.hours_per_week,
        "mentor_id": mentor_id,
        "supervisor_id": supervisor_id,
        "programme_id": programme_id,
    }
    known = existing.placements.get(record.user_id, []) + added.get(record.user_id, [])
    same = next((p for p in known if p.company_id == company.pk and p.start_date == row.start_date), None)
    if same is not None and same.pk is None:
        raise RowError(_("The same placement is on an earlier row of the file."))
    if same is not None:
        changes = [name for name, value in wanted.items() if getattr(same, name) != value]
        if not changes:
            return RowResult(row.row, UNCHANGED, row.what)
        if same.school_id != school.pk or not same.is_open or same.is_archived:
            raise RowError(
                _("This placement is %(status)s; it is changed in the app, not by an import.")
                % {"status": same.get_status_display()}
            )
    clash = _overlap(known, row.start_date, row.end_date, exclude=same)
    if clash is not None:
        raise RowError(
            _("The learner already has a placement at %(company)s from %(start)s to %(end)s in this period.")
            % {"company": clash.company.name, "start": clash.start_date.isoformat(), "end": clash.end_date.isoformat()},
            "start_date",
        )
    if same is not None:
        for name, value in wanted.items():
            setattr(same, name, value)
        plan.changed_placements.append(same)
        changed = ", ".join(str(COMPARED_LABELS[name]) for name in changes)
        return RowResult(row.row, UPDATE, row.what, _("Changes: %(fields)s.") % {"fields": changed})
    placement = Placement(
        learner_id=record.user_id,
        school=school,
        company=company,
        start_date=row.start_date,
        status=Placement.Status.PLANNED,
        **wanted,
    )
    plan.new_placements.append(placement)
    added.setdefault(record.user_id, []).append(placement)
    return RowResult(row.row, CREATE, row.what, _("New placement at %(company)s.") % {"company": company.name})


def plan_placements(
    school: School, table_rows: list[tuple[int, list[str]]], columns: dict, *, progress=None
) -> PlacementPlan:
    plan = PlacementPlan()
    programmes = ProgrammeFinder(Programme.objects.filter(school=school))
    read: list[PlacementRow | RowResult] = []
    for number, cells in table_rows:
        try:
            read.append(read_row(number, cells, columns, programmes))
        except RowError as error:
            what = _cell(cells, columns, "student_number") or "—"
            read.append(RowResult(number, ERROR, what, error.message, error.field))
    existing = _Existing(school, [row for row in read if isinstance(row, PlacementRow)])
    added: dict[int, list[Placement]] = {}
    for done, item in enumerate(read, start=1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done)
        if isinstance(item, RowResult):
            plan.results.append(item)
            continue
        try:
            plan.results.append(_plan_row(plan, item, school, existing, added))
        except RowError as error:
            plan.results.append(RowResult(item.row, ERROR, item.what, error.message, error.field))
    return plan
