"""CSV and XLSX exports of the registers. Every text cell goes through safe_cell, so no cell runs as a formula.

CSV is streamed row by row (a school's whole register can be large); XLSX is built with openpyxl's write-only
workbook, which keeps memory flat, and is capped at MAX_XLSX_ROWS.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import formats, timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from config.spreadsheet import safe_cell

from .models import Certificate
from .selectors_register import certificate_state

MAX_XLSX_ROWS = 100_000
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_FORMATS = ("csv", "xlsx")


class _Echo:
    """A file-like object that hands back what the csv writer writes, so rows can be streamed."""

    def write(self, value):
        return value


def _csv_cell(value):
    return value.isoformat() if isinstance(value, date) else safe_cell(value)


def _xlsx_cell(value):
    if isinstance(value, date):
        return value
    value = safe_cell(value)
    # Control characters make the file unreadable for Excel; they carry nothing a reader needs.
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def csv_response(filename: str, header: list[str], rows: Iterable[list]) -> StreamingHttpResponse:
    # The byte order mark makes Excel read UTF-8; where the decimal mark is a comma (Dutch), Excel expects ";".
    delimiter = ";" if formats.get_format("DECIMAL_SEPARATOR") == "," else ","
    language = translation.get_language()
    writer = csv.writer(_Echo(), delimiter=delimiter)
    first = "\ufeff" + writer.writerow([safe_cell(title) for title in header])

    def stream() -> Iterator[str]:
        yield first
        # Rows are produced after the view has returned; keep the request's language for their labels.
        with translation.override(language):
            for row in rows:
                yield writer.writerow([_csv_cell(value) for value in row])

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


def xlsx_response(filename: str, title: str, header: list[str], rows: Iterable[list]) -> HttpResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([_xlsx_cell(value) for value in header])
    for written, row in enumerate(rows):
        if written == MAX_XLSX_ROWS:
            sheet.append(
                [
                    _xlsx_cell(
                        _("Only the first %(count)s rows were exported; narrow the search.") % {"count": MAX_XLSX_ROWS}
                    )
                ]
            )
            break
        sheet.append([_xlsx_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response


def export_response(export_format: str, filename: str, title: str, header: list[str], rows: Iterable[list]):
    if export_format == "xlsx":
        return xlsx_response(filename, title, header, rows)
    return csv_response(filename, header, rows)


# --- What the exports hold ----------------------------------------------------------------------------

CERTIFICATE_EXPORT_FIELDS = (
    "number",
    "holder_name",
    "company_name",
    "company_city",
    "company_country",
    "company__sector",
    "school__name",
    "course__title",
    "issued_on",
    "valid_until",
    "revoked_at",
)


def certificate_export_header() -> list[str]:
    return [
        _("Number"),
        _("Holder"),
        _("Company"),
        _("City"),
        _("Country"),
        _("Sector"),
        _("School"),
        _("Course"),
        _("Issued on"),
        _("Valid until"),
        _("Status"),
    ]


def certificate_export_rows(certificates, *, today=None) -> Iterator[list]:
    today = today or timezone.localdate()
    labels = {state: capfirst(str(label)) for state, label in Certificate.State.choices}
    rows = certificates.values_list(*CERTIFICATE_EXPORT_FIELDS).iterator(chunk_size=2000)
    for *values, valid_until, revoked_at in rows:
        yield [*values, valid_until, labels[certificate_state(revoked_at, valid_until, today)]]


def company_export_header() -> list[str]:
    return [
        _("Company"),
        _("Sector"),
        _("City"),
        _("Country"),
        _("Accreditation"),
        _("Certified mentors"),
        _("Active placements"),
        _("Last valid certificate until"),
        _("No certified mentor"),
        _("Last certificate expires soon"),
    ]


def company_export_rows(companies) -> Iterator[list]:
    yes = _("yes")
    for company in companies.iterator(chunk_size=2000):
        yield [
            company.name,
            company.sector,
            company.city,
            company.country,
            capfirst(company.get_accreditation_status_display()),
            company.certified_mentors,
            company.active_placements,
            company.last_valid_until or "",
            yes if company.flag_uncertified else "",
            yes if company.flag_expiring else "",
        ]
