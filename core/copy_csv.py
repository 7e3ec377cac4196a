"""A CSV export written by PostgreSQL's COPY: the file core.spreadsheet writes, with no Python per row.

A register export of a million rows spends most of its time turning rows into CSV in Python; COPY does that in
the server, in C, and psycopg hands its output over as it comes (memory stays flat). The export's own query
(a values_list queryset) is wrapped so that the file matches what csv_chunks writes for the same rows: text that a
spreadsheet program would run as a formula gets a leading apostrophe, an empty text is an empty cell and a date
is written as 2026-03-02. Only the line ends differ (COPY writes LF; spreadsheet programs read both).
Other databases (SQLite, the embedded default) keep the Python writer.
"""

from collections.abc import Iterator

from django.db import connections
from django.db.models import QuerySet

TEXT_TYPES = frozenset({"CharField", "TextField", "EmailField", "SlugField", "URLField"})
# A cell starting with one of = + - @ TAB CR is defused, as core.spreadsheet.safe_cell does.
_FORMULA_START = r"^[=+\-@\t\r]"


def can_copy(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def _column_types(queryset: QuerySet) -> list[str]:
    compiler = queryset.query.get_compiler(using=queryset.db)
    compiler.setup_query()
    return [expression.output_field.get_internal_type() for expression, _sql, _alias in compiler.select]


def copy_statement(queryset: QuerySet, *, delimiter: str) -> tuple[str, tuple]:
    """COPY of the queryset's rows as CSV without a header; text columns defused, dates in ISO form."""
    sql, params = queryset.query.sql_with_params()
    types = _column_types(queryset)
    names = [f"c{i}" for i in range(len(types))]
    cells = []
    for name, kind in zip(names, types, strict=True):
        if kind in TEXT_TYPES:
            cells.append(f"CASE WHEN {name} ~ '{_FORMULA_START}' THEN '''' || {name} ELSE NULLIF({name}, '') END")
        elif kind == "DateField":
            cells.append(f"to_char({name}, 'YYYY-MM-DD')")
        else:
            cells.append(name)
    if delimiter not in (",", ";"):
        raise ValueError(delimiter)
    statement = (
        f"COPY (SELECT {', '.join(cells)} FROM ({sql}) AS export ({', '.join(names)})) "  # noqa: S608 - our own SQL
        f"TO STDOUT WITH (FORMAT csv, DELIMITER '{delimiter}')"
    )
    return statement, params


def copy_chunks(queryset: QuerySet, *, delimiter: str) -> Iterator[bytes]:
    """The rows as CSV bytes, as the database sends them."""
    statement, params = copy_statement(queryset, delimiter=delimiter)
    connection = connections[queryset.db]
    connection.ensure_connection()
    with connection.connection.cursor() as cursor, cursor.copy(statement, params) as stream:
        for chunk in stream:
            yield bytes(chunk)
