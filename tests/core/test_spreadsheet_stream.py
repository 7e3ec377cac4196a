"""core.spreadsheet streams CSV in chunks, byte for byte what the csv module writes with every cell defused, and
writes XLSX to a temporary file that is streamed."""

import csv
import io
import tracemalloc
from datetime import UTC, date, datetime
from decimal import Decimal

from openpyxl import load_workbook

from core import spreadsheet

AWKWARD = [
    ["plain", "Zoë Hoekstra-Çelik", "", None, date(2026, 3, 2)],
    ["=cmd|' /C calc'!A0", "+31 6", "-", "@home", "\tTab"],
    ["a;b", "a,b", 'say "hi"', "two\nlines", "cr\rhere"],
    [-5, 3.25, Decimal("1.50"), True, datetime(2026, 3, 2, 9, 30, tzinfo=UTC)],
    ["unit\x1fseparator", "x", "y", "z", "w"],
    [""],
    ["only"],
    [],
]


def expected(header, rows, delimiter):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow([spreadsheet.safe_cell(title) for title in header])
    for row in rows:
        writer.writerow([spreadsheet.safe_cell(v.isoformat() if isinstance(v, date) else v) for v in row])
    return "\ufeff" + buffer.getvalue()


def test_the_chunks_are_what_the_csv_module_writes_with_every_cell_defused(monkeypatch):
    monkeypatch.setattr(spreadsheet, "CSV_ROWS_PER_CHUNK", 3)
    rows = AWKWARD * 3
    for delimiter in (",", ";"):
        chunks = list(spreadsheet.csv_chunks(["=Header", "B"], iter(rows), delimiter=delimiter))
        assert len(chunks) == 1 + 8  # the header, then 24 rows in chunks of 3
        assert b"".join(chunks).decode() == expected(["=Header", "B"], rows, delimiter)


def test_a_long_csv_streams_in_flat_memory():
    def rows(count):
        for number in range(count):
            yield [f"WM-{number:08d}", "Zoë de Vries", "Bakkerij", "Utrecht", "NL", date(2026, 1, 1), "Valid"]

    def peak(count):
        tracemalloc.start()
        size = sum(len(chunk) for chunk in spreadsheet.csv_chunks(["Number"], rows(count)))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return size, peak

    small_size, small_peak = peak(2_000)
    large_size, large_peak = peak(40_000)
    assert large_size > 19 * small_size
    assert large_peak < 1.5 * small_peak + 50_000  # the same few chunks in memory, not the whole file


def test_the_workbook_is_streamed_from_a_temporary_file():
    response = spreadsheet.xlsx_response("export", "Sheet", ["Number", "Issued"], [["=1+1", date(2026, 3, 2)]])
    assert response.streaming
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["Number", "Issued"]
    assert rows[1][0] == "'=1+1"
    assert rows[1][1].date() == date(2026, 3, 2)
    response.file_to_stream.close()  # (response.close() would also signal the end of a request)
