"""Querysets compiled to SQL once per process, for the few small queries every signed-in request makes.

Building and compiling a queryset costs the ORM about 0.3 ms of CPU; the query it makes (the signed-in person,
their roles, whether they have an authenticator) takes PostgreSQL 0.06 ms. A request that makes four of them spent
a fifth of its time in the compiler. `CompiledQuery` builds the queryset once with a stand-in value for each
parameter, keeps the SQL, where each stand-in went and how each column's value is converted (the ORM's own
converters: dates from SQLite's text, for example), and from then on sends the same SQL with the real values.

On PostgreSQL the SQL is sent as a prepared statement (core/prepared.py), planned once per connection: planning
the signed-in person's query (their roles in a subquery) took PostgreSQL longer than running it.

For `values_list()` querysets: `rows()` gives tuples, or model instances (`Model.from_db`, as the ORM makes them)
when every concrete field is listed and `model` is given. tests/core/test_compiled_query.py compares the results
with the queryset's own on the test database.
"""

from collections.abc import Callable

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model, QuerySet

from .prepared import prepared_rows

# A value no id or column in this database takes, so that its place among the compiled parameters is unambiguous.
_STAND_IN_BASE = -0x5EED_0000


def concrete_field_names(model: type[Model]) -> list[str]:
    """Every column of `model`, as values_list() names them, for a CompiledQuery that gives instances."""
    return [field.attname for field in model._meta.concrete_fields]


class CompiledQuery:
    def __init__(self, build: Callable[..., QuerySet], *, flat: bool = False, model: type[Model] | None = None):
        """`build(*values)` returns the queryset for those values; each value must reach the SQL as one parameter.
        With `model`, the queryset lists concrete_field_names(model) and rows come back as instances."""
        self.build = build
        self.flat = flat
        self.model = model
        self._compiled: dict[str, tuple] = {}

    def _compile(self, alias: str, arity: int):
        stand_ins = [_STAND_IN_BASE - number for number in range(arity)]
        compiler = self.build(*stand_ins).query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        # A text column receives the stand-in as text.
        where = {stand_in: number for number, stand_in in enumerate(stand_ins)}
        where |= {str(stand_in): number for stand_in, number in list(where.items())}
        slots = [where.get(param) if isinstance(param, int | str) else None for param in params]
        if sorted(slot for slot in slots if slot is not None) != list(range(arity)):
            raise ValueError(f"each value must appear exactly once among the parameters of: {sql}")
        converters = compiler.get_converters([column[0] for column in compiler.select[: compiler.col_count]])
        return sql, list(params), slots, list(converters.items())

    def rows(self, *values) -> list:
        # The site has one database; the SQL differs between its engines (SQLite here, PostgreSQL in production).
        connection = connections[DEFAULT_DB_ALIAS]
        compiled = self._compiled.get(connection.vendor)
        if compiled is None:
            compiled = self._compiled[connection.vendor] = self._compile(DEFAULT_DB_ALIAS, len(values))
        sql, params, slots, converters = compiled
        arguments = [param if slot is None else values[slot] for param, slot in zip(params, slots, strict=True)]
        rows = prepared_rows(DEFAULT_DB_ALIAS, sql, arguments)
        if converters:
            rows = [_converted(row, converters, connection) for row in rows]
        if self.model is not None:
            names = concrete_field_names(self.model)
            return [self.model.from_db(DEFAULT_DB_ALIAS, names, row) for row in rows]
        return [row[0] for row in rows] if self.flat else rows


def _converted(row, converters, connection) -> tuple:
    values = list(row)
    for position, (functions, expression) in converters:
        value = values[position]
        for convert in functions:
            value = convert(value, expression, connection)
        values[position] = value
    return tuple(values)
