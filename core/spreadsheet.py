"""Rows → a CSV or XLSX download, with every cell shown by a spreadsheet program and never run.

Excel and LibreOffice treat a cell that starts with =, +, -, @ (or a tab or carriage return before one) as a
formula, so a title typed by a user could run a formula on the reader's machine (CSV injection). A leading
apostrophe makes the program show the text as typed; every text cell goes through safe_cell.

CSV is streamed (a national register holds a million rows): the rows are written a few hundred at a time into
one small buffer and sent as one chunk, so memory stays flat however many rows there are, and the cost per row
is one list and a check of its text cells (bench/export_register.py: within 2x of PostgreSQL's COPY).
The caller passes rows as they come from the database (values_list(...).iterator(chunk_size=...), no model
instances). XLSX is written with openpyxl's write-only workbook, which keeps the sheet on disk as it grows, into a
temporary file that is streamed and then removed; it is capped at MAX_XLSX_ROWS.
"""

import csv
import io
import re
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from itertools import batched

from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from .copy_csv import can_copy, copy_chunks
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


def _csv_cell(value):
    """A cell the csv writer may write as is: a date as 2026-03-02, None as empty, text defused."""
    if value is None or value.__class__ in PLAIN_CSV_TYPES:
        return value
    if isinstance(value, date):  # a datetime: with its "T", as isoformat writes it
        return value.isoformat()
    return safe_cell(value)


# Written by the csv module exactly as safe_cell would give them (str(2026-03-02) is its ISO form).
PLAIN_CSV_TYPES = frozenset({int, float, Decimal, date})
CSV_ROWS_PER_CHUNK = 500  # about 60 kB a chunk for the register; one write to the client each
# The fast path joins a row's cells, each behind a separator no cell holds, and writes the line as it is unless
# it holds what the csv module would quote (the delimiter, a quote, a line break), a cell that starts like a
# formula, or the separator itself: then the csv module writes it, cell by cell (the same output, only slower).
_SEPARATOR = "\x1f"
_FORMULA_START = re.compile("\x1f[=+\\-@\t\r]").search


def _csv_text(value) -> str:
    """What the csv module writes for a cell that _csv_cell gives it."""
    if value is None:
        return ""
    return str(value) if value.__class__ in PLAIN_CSV_TYPES else str(_csv_cell(value))


def _xlsx_cell(value):
    if isinstance(value, date):
        return value
    value = safe_cell(value)
    # Control characters make the file unreadable for Excel; they carry nothing a reader needs.
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def csv_chunks(header: list[str], rows: Iterable[list], *, delimiter: str = ",") -> Iterator[bytes]:
    """The CSV file as UTF-8 byte chunks: the header first (with a byte order mark), then the rows in chunks.

    Most lines are plain text: joined in one go and checked with a few searches in C, they cost no Python call
    per text cell; the others go through the csv module.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerow([safe_cell(title) for title in header])
    yield buffer.getvalue().encode()
    separator, formula_start, text = _SEPARATOR, _FORMULA_START, _csv_text

    def flush(lines):
        if lines:
            buffer.write("\r\n".join(lines).replace(separator, delimiter) + "\r\n")
            lines.clear()

    for batch in batched(rows, CSV_ROWS_PER_CHUNK):
        buffer.seek(0)
        buffer.truncate()
        lines = []
        for row in batch:
            line = separator + separator.join([value if value.__class__ is str else text(value) for value in row])
            if (
                delimiter in line
                or '"' in line
                or "\n" in line
                or "\r" in line
                or formula_start(line)
                or line.count(separator) != len(row)
                or len(row) < 2  # the csv module quotes a lone empty cell
            ):
                flush(lines)
                writer.writerow([_csv_cell(value) for value in row])
            else:
                lines.append(line[1:])
        flush(lines)
        yield buffer.getvalue().encode()


def csv_response(filename: str, header: list[str], rows: Iterable[list] | QuerySet) -> StreamingHttpResponse:
    """A private download of `filename`.csv; `filename` comes without its extension. Rows given as a values_list
    queryset are written by the database's COPY where it has one (core/copy_csv.py)."""
    # The byte order mark makes Excel read UTF-8; where the decimal mark is a comma (Dutch), Excel expects ";".
    delimiter = ";" if formats.get_format("DECIMAL_SEPARATOR") == "," else ","
    language = translation.get_language()

    def stream() -> Iterator[bytes]:
        # Rows are produced after the view has returned; keep the request's language for their labels.
        with translation.override(language):
            if isinstance(rows, QuerySet) and can_copy(rows):
                yield from csv_chunks(header, [], delimiter=delimiter)
                yield from copy_chunks(rows, delimiter=delimiter)
            else:
                yield from csv_chunks(header, _rows_of(rows), delimiter=delimiter)

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    return download(response, f"{filename}.csv")


def _rows_of(rows: Iterable[list] | QuerySet) -> Iterable:
    """A queryset's rows a few thousand at a time (a server-side cursor on PostgreSQL)."""
    return rows.iterator(chunk_size=2000) if isinstance(rows, QuerySet) else rows


def xlsx_response(filename: str, title: str, header: list[str], rows: Iterable[list] | QuerySet) -> FileResponse:
    """A private download of `filename`.xlsx with one sheet called `title`."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([_xlsx_cell(value) for value in header])
    for written, row in enumerate(_rows_of(rows)):
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
    # The finished file goes to disk, not memory, and is streamed from there; it is gone once closed.
    workbook_file = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - FileResponse closes it
    workbook.save(workbook_file)
    workbook_file.seek(0)
    response = FileResponse(workbook_file, content_type=XLSX_CONTENT_TYPE)
    return download(response, f"{filename}.xlsx")


def export_response(export_format: str, filename: str, title: str, header: list[str], rows: Iterable[list] | QuerySet):
    """The rows (a list, a generator or a values_list queryset) as `export_format` ("csv" or "xlsx")."""
    if export_format == "xlsx":
        return xlsx_response(filename, title, header, rows)
    return csv_response(filename, header, rows)
