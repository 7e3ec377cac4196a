"""Importing existing certified work mentors from a CSV file: a dry run that checks every row, then all or nothing.

The same text is validated twice: for the preview, and again inside the import, so what is written is what
the rules allow at that moment (a number may have been taken in between).
"""

import contextlib
import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from accounts.countries import COUNTRIES
from accounts.models import Company, School

from ..certificates.designs import design_for_issue
from ..certificates.numbering import PREFIX, next_certificate_number
from ..models import Certificate, RegistrySettings

MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_ROWS = 5000
COLUMNS = (
    "number",
    "holder_name",
    "holder_email",
    "company_name",
    "company_city",
    "company_country",
    "issued_on",
    "valid_until",
)
REQUIRED_COLUMNS = ("holder_name", "issued_on")
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")
COUNTRY_CODES = {code for code, _name in COUNTRIES}
MAX_LENGTHS = {"number": 20, "holder_name": 200, "holder_email": 254, "company_name": 200, "company_city": 100}


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportRow:
    row: int
    values: dict[str, str]
    issued_on: date | None = None
    valid_until: date | None = None
    valid_until_derived: bool = False
    company_id: int | None = None
    errors: list[RowError] = field(default_factory=list)

    def refuse(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.row, column, message))


@dataclass
class ImportPreview:
    rows: list[ImportRow] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    delimiter: str = ","
    encoding: str = "utf-8"

    @property
    def errors(self) -> list[RowError]:
        return [error for row in self.rows for error in row.errors]

    @property
    def rows_with_errors(self) -> int:
        return sum(1 for row in self.rows if row.errors)

    @property
    def is_valid(self) -> bool:
        return bool(self.rows) and not self.file_errors and not self.errors


def decode_upload(data: bytes) -> tuple[str, str]:
    """The text of an uploaded file: UTF-8 (with or without byte order mark), else Windows-1252."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _header_key(title: str) -> str:
    return title.strip().strip("\ufeff").lower().replace(" ", "_").replace("-", "_")


def _delimiter(text: str) -> str:
    """The delimiter the header splits on into our columns: Excel writes ';' where the decimal mark is ','."""
    sample = "\n".join(text.splitlines()[:20])
    candidates = []
    with contextlib.suppress(csv.Error):
        candidates.append(csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter)
    header = text.splitlines()[0] if text else ""
    for delimiter in (*candidates, ";", ",", "\t"):
        if set(REQUIRED_COLUMNS) <= {_header_key(title) for title in header.split(delimiter)}:
            return delimiter
    return candidates[0] if candidates else ","


def _parse_date(value: str) -> date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date()  # noqa: DTZ007 - a calendar date, no time
        except ValueError:
            continue
    return None


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def validity_years(school: School) -> int:
    configured = RegistrySettings.objects.filter(school=school).values_list("validity_years", flat=True).first()
    return configured or RegistrySettings._meta.get_field("validity_years").default


def _check_row(row: ImportRow, *, years: int, today: date) -> None:
    values = row.values
    for column, limit in MAX_LENGTHS.items():
        if len(values[column]) > limit:
            row.refuse(column, _("Longer than %(limit)d characters.") % {"limit": limit})
    if not values["holder_name"]:
        row.refuse("holder_name", _("The holder's name is missing."))
    if values["holder_email"]:
        try:
            validate_email(values["holder_email"])
        except ValidationError:
            row.refuse("holder_email", _("This is not a valid e-mail address."))
    if values["company_country"] and values["company_country"] not in COUNTRY_CODES:
        row.refuse("company_country", _("Unknown country; give a two-letter code such as NL or BE."))
    if not values["issued_on"]:
        row.refuse("issued_on", _("The issue date is missing."))
    else:
        row.issued_on = _parse_date(values["issued_on"])
        if row.issued_on is None:
            row.refuse("issued_on", _("Not a date; write YYYY-MM-DD or DD-MM-YYYY."))
        elif row.issued_on > today:
            row.refuse("issued_on", _("The issue date is in the future."))
    if values["valid_until"]:
        row.valid_until = _parse_date(values["valid_until"])
        if row.valid_until is None:
            row.refuse("valid_until", _("Not a date; write YYYY-MM-DD or DD-MM-YYYY."))
        elif row.issued_on and row.valid_until <= row.issued_on:
            row.refuse("valid_until", _("The certificate must be valid until a day after it was issued."))
    elif row.issued_on:
        row.valid_until = _add_years(row.issued_on, years)
        row.valid_until_derived = True


def _check_numbers(rows: list[ImportRow]) -> None:
    first_row: dict[str, int] = {}
    for row in rows:
        number = row.values["number"]
        if number and number in first_row:
            row.refuse("number", _("The same number is on row %(row)d.") % {"row": first_row[number]})
        elif number:
            first_row[number] = row.row
    taken = set(Certificate.objects.filter(number__in=list(first_row)).values_list("number", flat=True))
    for row in rows:
        if row.values["number"] in taken:
            row.refuse("number", _("A certificate with this number is already in the register."))


def _link_companies(rows: list[ImportRow]) -> None:
    """Link a row to a company when exactly one company has its name, city and country."""
    names = {row.values["company_name"].lower() for row in rows if row.values["company_name"]}
    if not names:
        return
    matches: dict[tuple[str, str, str], list[int]] = {}
    companies = Company.objects.annotate(lower_name=Lower("name")).filter(lower_name__in=names)
    for pk, name, city, country in companies.values_list("pk", "name", "city", "country"):
        matches.setdefault((name.lower(), city.lower(), country), []).append(pk)
    for row in rows:
        key = (row.values["company_name"].lower(), row.values["company_city"].lower(), row.values["company_country"])
        found = matches.get(key, [])
        row.company_id = found[0] if len(found) == 1 else None


def import_preview(text: str, *, school: School, today: date | None = None) -> ImportPreview:
    """Parse and check every row; writes nothing."""
    today = today or timezone.localdate()
    preview = ImportPreview(delimiter=_delimiter(text))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=preview.delimiter)
    try:
        header = [_header_key(title) for title in next(reader)]
    except (StopIteration, csv.Error):
        preview.file_errors.append(_("The file is empty."))
        return preview
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        preview.file_errors.append(
            _("Columns are missing: %(columns)s. The first row must name the columns.")
            % {"columns": ", ".join(missing)}
        )
        return preview
    years = validity_years(school)
    try:
        for line in reader:
            if not any(cell.strip() for cell in line):
                continue
            if len(preview.rows) == MAX_IMPORT_ROWS:
                preview.file_errors.append(_("The file has more than %(max)d rows.") % {"max": MAX_IMPORT_ROWS})
                return preview
            cells = dict(zip(header, (cell.strip() for cell in line), strict=False))
            values = {column: cells.get(column, "") for column in COLUMNS}
            values["number"] = values["number"].upper()
            values["company_country"] = values["company_country"].upper()
            row = ImportRow(row=reader.line_num, values=values)
            _check_row(row, years=years, today=today)
            preview.rows.append(row)
    except csv.Error as exc:
        preview.file_errors.append(_("The file could not be read as CSV: %(error)s") % {"error": exc})
        return preview
    if not preview.rows:
        preview.file_errors.append(_("The file has no rows below the column names."))
    _check_numbers(preview.rows)
    _link_companies(preview.rows)
    return preview


def _fresh_number(year: int, reserved: set[str], existing: dict[int, set[str]]) -> str:
    """The next number of the year that neither the file nor an earlier import already uses."""
    if year not in existing:
        existing[year] = set(
            Certificate.objects.filter(number__startswith=f"{PREFIX}-{year}-").values_list("number", flat=True)
        )
    while True:
        number = next_certificate_number(year)
        if number not in reserved and number not in existing[year]:
            return number


def certificates_import(*, text: str, school: School, today: date | None = None) -> int:
    """Import every row in one transaction, or none; raises ValidationError when any row fails."""
    try:
        with transaction.atomic():
            preview = import_preview(text, school=school, today=today)
            if not preview.is_valid:
                raise ValidationError(_("The file has errors; nothing was imported."), code="invalid")
            language = (
                RegistrySettings.objects.filter(school=school).values_list("certificate_language", flat=True).first()
                or RegistrySettings._meta.get_field("certificate_language").default
            )
            design = design_for_issue(school)
            reserved = {row.values["number"] for row in preview.rows if row.values["number"]}
            existing: dict[int, set[str]] = {}
            certificates = [
                Certificate(
                    number=row.values["number"] or _fresh_number(row.issued_on.year, reserved, existing),
                    holder_name=row.values["holder_name"],
                    holder_email=row.values["holder_email"].lower(),
                    company_id=row.company_id,
                    company_name=row.values["company_name"],
                    company_city=row.values["company_city"],
                    company_country=row.values["company_country"],
                    school=school,
                    issued_on=row.issued_on,
                    valid_until=row.valid_until,
                    language=language,
                    design=design,
                    imported=True,
                )
                for row in preview.rows
            ]
            # With their history rows (the importing coordinator as the author), like any issued certificate.
            bulk_create_with_history(certificates, Certificate, batch_size=500)
    except IntegrityError:
        raise ValidationError(
            _("Someone else added one of these certificate numbers meanwhile; nothing was imported. Try again."),
            code="conflict",
        ) from None
    return len(certificates)
