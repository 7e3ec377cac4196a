"""Reading an export of a student information system: CSV (";", "," or tab; UTF-8 with or without a byte order
mark, or Windows-1252 as Excel saves it) or XLSX, into column titles and rows of text.

Row numbers are the spreadsheet's: the title row is row 1, so "row 7" is what the coordinator sees in Excel.
Empty rows are skipped but keep their number.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.utils.translation import gettext as _
from openpyxl import load_workbook

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 200
MAX_CELL = 1000  # longer than any field we keep; a longer cell is cut, and refused by the field's own limit
XLSX_MAGIC = b"PK\x03\x04"
EXTENSIONS = (".csv", ".txt", ".xlsx")


class UnreadableFile(Exception):
    """The file is not an export we can read; the message says why, for the coordinator."""


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (row number, cells)
    delimiter: str = ""
    encoding: str = ""


def decode(data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without a byte order mark), else Windows-1252 (what Excel writes on a Dutch PC)."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "windows-1252"


def sniff_delimiter(first_line: str) -> str:
    """The separator the title row uses most: Excel writes ";" where the decimal mark is ",", others "," or tab."""
    counts = {delimiter: first_line.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ";"


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a student number typed as a number comes back as 123456.0
    return str(value).replace("\x00", "").strip()[:MAX_CELL]


def _headers(cells: list[str]) -> list[str]:
    """Column titles, unique: a second "E-mail" becomes "E-mail (2)" so each can be chosen."""
    seen: dict[str, int] = {}
    titles = []
    for position, cell in enumerate(cells, start=1):
        title = cell.strip().lstrip("\ufeff").strip() or _("Column %(number)d") % {"number": position}
        seen[title] = seen.get(title, 0) + 1
        titles.append(title if seen[title] == 1 else f"{title} ({seen[title]})")
    return titles


def _table(records, *, delimiter="", encoding="") -> Table:
    table = None
    for number, raw in enumerate(records, start=1):
        cells = [_cell_text(value) for value in raw][:MAX_COLUMNS]
        if not any(cells):
            continue
        if table is None:
            table = Table(headers=_headers(cells), delimiter=delimiter, encoding=encoding)
            continue
        if len(table.rows) == MAX_ROWS:
            raise UnreadableFile(
                _("The file has more than %(count)d rows; split it into smaller files.") % {"count": MAX_ROWS}
            )
        width = len(table.headers)
        table.rows.append((number, (cells + [""] * width)[:width]))
    if table is None:
        raise UnreadableFile(_("The file is empty: it needs a row of column titles and a row per person."))
    return table


def read_csv(data: bytes) -> Table:
    text, encoding = decode(data)
    text = text.replace("\x00", "")
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = sniff_delimiter(first_line)
    try:
        return _table(
            csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), delimiter=delimiter, encoding=encoding
        )
    except csv.Error as exc:
        raise UnreadableFile(_("The file is not a readable CSV file: %(reason)s") % {"reason": exc}) from None


def read_xlsx(data: bytes) -> Table:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise UnreadableFile(_("The file is not a readable Excel workbook (.xlsx).")) from exc
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise UnreadableFile(_("The workbook has no sheet."))
        return _table(sheet.iter_rows(values_only=True))
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise UnreadableFile(_("The file is not a readable Excel workbook (.xlsx).")) from exc
    finally:
        workbook.close()


def is_xlsx(name: str, data: bytes) -> bool:
    return Path(name).suffix.lower() == ".xlsx" or data[:4] == XLSX_MAGIC


def read_table(name: str, data: bytes) -> Table:
    """The file as a table; UnreadableFile says why it cannot be read."""
    if Path(name).suffix.lower() not in EXTENSIONS:
        raise UnreadableFile(_("Upload a CSV file (.csv) or an Excel workbook (.xlsx)."))
    if len(data) > MAX_BYTES:
        raise UnreadableFile(_("The file is larger than %(size)d MB.") % {"size": MAX_BYTES // (1024 * 1024)})
    if is_xlsx(name, data):
        if data[:4] != XLSX_MAGIC:
            raise UnreadableFile(_("The file is not a readable Excel workbook (.xlsx)."))
        return read_xlsx(data)
    return read_csv(data)
