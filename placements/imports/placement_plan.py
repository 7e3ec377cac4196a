"""Planning a placement import: learner (student number) + company (KvK number) + work mentor and school
supervisor (e-mail) + period + hours + programme, each row's outcome read with a fixed number of queries.

A placement is the same one when learner, company and start date are: then its end date, hours, people and
programme are updated. Companies and people the app does not know yet are added (placement_people.py): a row
says what it would add. A new placement may not overlap another open placement of the learner (in the app or
elsewhere in the file), as when a placement is added by hand.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from accounts.models import Role, School

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
from .placement_people import COMPANY_FIELDS, Directory, Draft, PeoplePlan
from .programmes import ProgrammeFinder

LABELS = {target.name: target.label for target in PLACEMENT_TARGETS}
COMPARED_LABELS = {
    "end_date": LABELS["end_date"],
    "hours_per_week": LABELS["hours_per_week"],
    "mentor_id": LABELS["mentor_email"],
    "supervisor_id": LABELS["supervisor_email"],
    "programme_id": LABELS["programme"],
}
# The longest text the app keeps of each (the model's max_length; a person's name is split in two of 100).
TEXT_LIMITS = {
    "company_name": 200, "address": 200, "postcode": 20, "city": 100, "sector": 100, "mentor_name": 200,
    "supervisor_name": 200,
}  # fmt: skip


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
    company: dict  # name and COMPANY_FIELDS, as the file gives them ("" when not)
    mentor_name: str
    supervisor_name: str

    @property
    def what(self) -> str:
        return f"{self.number} · KvK {self.kvk} · {self.start_date.isoformat()}"


@dataclass
class PlacementPlan(Plan):
    new_placements: list[Placement] = field(default_factory=list)
    changed_placements: list[Placement] = field(default_factory=list)
    people: PeoplePlan = field(default_factory=PeoplePlan)


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
    if emails["mentor_email"] == emails["supervisor_email"]:
        raise RowError(_("The work mentor and the school supervisor cannot be the same person."), "supervisor_email")
    texts = {
        name: limited(_cell(cells, columns, name), name, LABELS[name], limit) for name, limit in TEXT_LIMITS.items()
    }
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
    company = {name: texts[name] for name in ("company_name", *COMPANY_FIELDS)}
    company["name"] = company.pop("company_name")
    return PlacementRow(
        number, student, kvk, emails["mentor_email"], emails["supervisor_email"], start, end, hours, programme,
        company, texts["mentor_name"], texts["supervisor_name"],
    )  # fmt: skip


class _Existing:
    """Learners and placements the file names, read in a fixed number of queries (companies and people: in
    placement_people.Directory)."""

    def __init__(self, school: School, rows: list[PlacementRow]):
        self.records = {
            record.student_number: record
            for record in LearnerRecord.objects.filter(
                school=school, student_number__in={row.number for row in rows}
            ).only("user_id", "student_number", "programme_id")
        }
        self.placements: dict[int, list[Placement]] = {}
        learner_ids = [record.user_id for record in self.records.values()]
        for placement in Placement.objects.filter(learner_id__in=learner_ids).select_related("company"):
            self.placements.setdefault(placement.learner_id, []).append(placement)


def _overlap(placements, start: date, end: date, exclude=None):
    for other in placements:
        if other is not exclude and other.is_open and other.start_date <= end and other.end_date >= start:
            return other
    return None


def _same_company(placement: Placement, company) -> bool:
    # A company the import makes has no pk yet: the placements planned at it hold the very object.
    return placement.company_id == company.pk if company.pk is not None else placement.company is company


def _plan_row(
    plan: PlacementPlan, row: PlacementRow, school: School, existing: _Existing, people: Directory, added: dict
) -> RowResult:
    record = existing.records.get(row.number)
    if record is None:
        raise RowError(
            _("No learner with student number %(number)s at the school: import the learners first.")
            % {"number": row.number},
            "student_number",
        )
    draft = Draft()
    company = people.company(row, draft)
    mentor = people.person(row, Role.MENTOR, company, record.user_id, draft)
    supervisor = people.person(row, Role.TEACHER, company, record.user_id, draft)
    programme_id = row.programme.pk if row.programme else record.programme_id
    if programme_id is None:
        raise RowError(_("No programme: give it in the file or on the learner's record."), "programme")
    wanted = {"end_date": row.end_date, "hours_per_week": row.hours_per_week, "programme_id": programme_id}
    known = existing.placements.get(record.user_id, []) + added.get(record.user_id, [])
    same = next((p for p in known if _same_company(p, company) and p.start_date == row.start_date), None)
    if same is not None and same.pk is None:
        raise RowError(_("The same placement is on an earlier row of the file."))
    changes = []
    if same is not None:
        changes = [name for name, value in wanted.items() if getattr(same, name) != value]
        changes += [name for name, user in (("mentor_id", mentor), ("supervisor_id", supervisor))
                    if user.pk is None or getattr(same, name) != user.pk]  # fmt: skip
        if changes and (same.school_id != school.pk or not same.is_open or same.is_archived):
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
    people.keep(draft, company)
    notes = " ".join(draft.notes)
    if same is not None and not changes:
        if company.pk is not None and draft.fills:
            return RowResult(row.row, UPDATE, row.what, notes)
        return RowResult(row.row, UNCHANGED, row.what)
    if same is not None:
        for name, value in wanted.items():
            setattr(same, name, value)
        same.mentor, same.supervisor = mentor, supervisor
        plan.changed_placements.append(same)
        changed = ", ".join(str(COMPARED_LABELS[name]) for name in changes)
        message = _("Changes: %(fields)s.") % {"fields": changed}
        return RowResult(row.row, UPDATE, row.what, f"{message} {notes}".strip())
    placement = Placement(
        learner_id=record.user_id,
        school=school,
        company=company,
        mentor=mentor,
        supervisor=supervisor,
        start_date=row.start_date,
        status=Placement.Status.PLANNED,
        **wanted,
    )
    plan.new_placements.append(placement)
    added.setdefault(record.user_id, []).append(placement)
    message = _("New placement at %(company)s.") % {"company": company.name}
    return RowResult(row.row, CREATE, row.what, f"{message} {notes}".strip())


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
    rows = [row for row in read if isinstance(row, PlacementRow)]
    existing, people = _Existing(school, rows), Directory(school, rows)
    plan.people = people.plan
    added: dict[int, list[Placement]] = {}
    for done, item in enumerate(read, start=1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done)
        if isinstance(item, RowResult):
            plan.results.append(item)
            continue
        try:
            plan.results.append(_plan_row(plan, item, school, existing, people, added))
        except RowError as error:
            plan.results.append(RowResult(item.row, ERROR, item.what, error.message, error.field))
    return plan
