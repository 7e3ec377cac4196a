"""Querysets compiled to SQL once per process, for the few small queries every signed-in request makes.

Building and compiling a queryset costs the ORM about 0.3 ms of CPU; the query it makes (one user's roles, whether
they have an authenticator) takes PostgreSQL 0.06 ms. A request that makes four of them spends a fifth of its time
in the compiler. `CompiledQuery` builds the queryset once with a placeholder value for each parameter, keeps the SQL
and where each placeholder went, and from then on sends the same SQL with the real values.

Only for `values_list()` querysets whose columns need no conversion from the database's values (text, integers,
booleans on PostgreSQL): the rows come back as the driver reads them. tests/core/test_compiled_query.py compares
each query's rows with the queryset's own on the test database.
"""

from collections.abc import Callable

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet

# A value no id or column in this database takes, so that its place among the compiled parameters is unambiguous.
_PLACEHOLDER_BASE = -0x5EED_0000


class CompiledQuery:
    def __init__(self, build: Callable[..., QuerySet], *, flat: bool = False):
        """`build(*values)` returns the queryset for those values; each value must reach the SQL as one parameter."""
        self.build = build
        self.flat = flat
        self._compiled: dict[str, tuple[str, list, list[int | None]]] = {}

    def _compile(self, alias: str, arity: int):
        placeholders = [_PLACEHOLDER_BASE - number for number in range(arity)]
        queryset = self.build(*placeholders)
        sql, params = queryset.query.get_compiler(using=alias).as_sql()
        # A text column receives the placeholder as text.
        where = {placeholder: number for number, placeholder in enumerate(placeholders)}
        where |= {str(placeholder): number for placeholder, number in list(where.items())}
        slots = [where.get(param) if isinstance(param, int | str) else None for param in params]
        if sorted(slot for slot in slots if slot is not None) != list(range(arity)):
            raise ValueError(f"each value must appear exactly once among the parameters of: {sql}")
        return sql, list(params), slots

    def rows(self, *values) -> list:
        # The site has one database; the SQL differs between its engines (SQLite here, PostgreSQL in production).
        connection = connections[DEFAULT_DB_ALIAS]
        compiled = self._compiled.get(connection.vendor)
        if compiled is None:
            compiled = self._compiled[connection.vendor] = self._compile(DEFAULT_DB_ALIAS, len(values))
        sql, params, slots = compiled
        arguments = [param if slot is None else values[slot] for param, slot in zip(params, slots, strict=True)]
        with connection.cursor() as cursor:
            cursor.execute(sql, arguments)
            rows = cursor.fetchall()
        return [row[0] for row in rows] if self.flat else rows
