"""Rows → a CSV or XLSX download, with every cell shown by a spreadsheet program and never run.

Excel and LibreOffice treat a cell that starts with =, +, -, @ (or a tab or carriage return before one) as a
formula, so a title typed by a user could run a formula on the reader's machine (CSV injection). A leading
apostrophe makes the program show the text as typed; every text cell goes through safe_cell.

CSV is streamed row by row (a school's whole register can be large); XLSX is built with openpyxl's write-only
workbook, which keeps memory flat, and is capped at MAX_XLSX_ROWS.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from .http import download

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
MAX_XLSX_ROWS = 100_000
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_FORMATS = ("csv", "xlsx")


def safe_cell(value):
    """The value as a spreadsheet cell: numbers stay numbers, text that could be read as a formula is defused."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


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
    """A private download of `filename`.csv; `filename` comes without its extension."""
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
    return download(response, f"{filename}.csv")


def xlsx_response(filename: str, title: str, header: list[str], rows: Iterable[list]) -> HttpResponse:
    """A private download of `filename`.xlsx with one sheet called `title`."""
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
    return download(response, f"{filename}.xlsx")


def export_response(export_format: str, filename: str, title: str, header: list[str], rows: Iterable[list]):
    """The rows as `export_format` ("csv" or "xlsx", see EXPORT_FORMATS)."""
    if export_format == "xlsx":
        return xlsx_response(filename, title, header, rows)
    return csv_response(filename, header, rows)
