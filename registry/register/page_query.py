"""One register page on PostgreSQL, newest first, in a query plan the planner cannot get wrong.

A page sorted by issue date, filtered by words, a city or a status, has two good plans, and which one
is good depends on how many certificates match:

- *walk*: read the (issued_on, id) index from the newest end and test each row until a page is full.
  Quick when matches are common ('jansen', 'valid'), ruinous when they are rare: the walk reads the table.
- *candidates*: collect every match from the trigram bitmap (search_text's GIN index), then sort.
  Quick when matches are rare ('Drukkerij Kowalski'), slow when they are common: it reads them all.

PostgreSQL guesses the number of matches of a LIKE '%word%' from a sample, and for two words multiplies
two guesses: at 1,000,000 certificates it chose the walk for 'Drukkerij Kowalski' (155 ms). Given the chance,
it also reads a trigram bitmap of the whole table to AND it with a date range (60 ms for 'jansen'). So a
page is one statement that tries both in a fixed order, each bounded:

1. the walk, over at most WALK_ROWS of the newest certificates (more for deep pages): a subquery with its
   own ORDER BY and LIMIT, which the planner can only read by the index; the filters test its rows as
   they come, and the walk stops as soon as it holds the page and its look-ahead.
2. only when the walk found fewer (then the matches are rare: fewer than `need` among WALK_ROWS rows):
   every match, from a subquery behind OFFSET 0 (a fence: the planner cannot merge it with the ORDER BY
   and walk the index again), sorted in memory. PostgreSQL skips this branch altogether (a one-time
   filter) when the walk was enough.

The result is exactly what `ORDER BY issued_on DESC, id DESC OFFSET .. LIMIT ..` over the filtered queryset
returns (tests/registry/test_register_page_query.py compares them), in one query at any size.
"""

from collections import namedtuple
from collections.abc import Collection
from datetime import date

from django.db import connections
from django.db.models import QuerySet

from ..models import Certificate

WALK_ROWS = 10_000  # newest certificates walked before the candidates are collected instead
WALK_FACTOR = 40  # deeper pages walk further: `need` x this many rows ...
WALK_LIMIT = 200_000  # ... up to this many
# A school's walk reads a tenth as many rows (still `need` x WALK_FACTOR at least): its rows are all candidates for
# the page, so a common match fills the page within a few hundred of them, and a rare one (a name, a city) is
# collected from the trigram bitmap sooner. PostgreSQL reads a school's newest rows along the (issued_on, id) index
# (the heap is in that order) and filters the other schools' out, so every row walked costs ten read.
SCHOOL_WALK_SHARE = 10

TABLE = ' FROM "registry_certificate" '
# The walk: the newest rows by the (issued_on, id) index, at most %s of them. LIMIT keeps the subquery apart
# (the planner cannot merge it with the filters and read a trigram bitmap instead); the filters, compiled by
# the ORM against "registry_certificate", then apply to it under the same name.
WALK = (
    ' FROM (SELECT {} FROM registry_certificate {} ORDER BY issued_on DESC, id DESC LIMIT %s) "registry_certificate" '
)
# Expired certificates: none of the newest has expired yet. The newest that can have expired before a day was
# issued that day minus the shortest validity of any certificate (the index certificate_validity_days holds it,
# so min() reads one entry): the walk starts there.
EXPIRED_ONLY = "issued_on < (SELECT %s::date - coalesce(min(valid_until - issued_on), 0) FROM registry_certificate)"

# Revoked certificates (2%): the partial index certificate_revoked_issued holds them newest first.
REVOKED_ONLY = "revoked_at IS NOT NULL"
# Older than a given row (a cursor): a row comparison that the (issued_on, id) index serves as a range.
OLDER_THAN = "(issued_on, id) < (%s, %s)"
# One school's (or a few schools') certificates: the (school, issued_on) index walks only theirs, so a school's
# coordinator walks their own newest certificates, not the whole register's of which theirs are a tenth.
OF_SCHOOLS = "school_id = ANY(%s)"


def _columns(names: tuple[str, ...]) -> str:
    meta = Certificate._meta
    return ", ".join(f'c."{meta.pk.column if name == "pk" else meta.get_field(name).column}"' for name in names)


def newest_first_rows(
    queryset: QuerySet[Certificate],
    columns: tuple[str, ...],
    offset: int,
    limit: int,
    *,
    enough: int | None = None,
    expired_before: date | None = None,
    revoked: bool = False,
    before: tuple[date, int] | None = None,
    schools: Collection[int] | None = None,
) -> tuple[list, bool] | None:
    """Rows `offset` to `offset + limit` of `queryset` (filters only; its order is ignored), newest first,
    and whether they may stop short of the `limit` rows there are.

    The walk is enough when it found `enough` of the rows (default `limit`): with fewer than `limit`, the
    rows are then the first ones, and more may follow (a look-ahead cut short rather than a slow page).
    `expired_before`: the filters keep only certificates that expired before that day (valid_until < it).
    `revoked`: the filters keep only revoked certificates; the walk then reads the index of those.
    `before` (issued_on, id): the filters keep only rows older than that one (the API's cursor); the walk then
    starts there in the index instead of at the newest row.
    `schools`: the filters keep only these schools' certificates (a coordinator's register); the walk then reads
    only theirs.
    One query whatever the filters (see the module's docstring). None when the queryset's SQL is not the
    plain one-table query this is written for (the caller then sorts the queryset itself).
    """
    need = offset + limit
    walk_rows = min(
        max(WALK_ROWS if schools is None else WALK_ROWS // SCHOOL_WALK_SHARE, WALK_FACTOR * need), WALK_LIMIT
    )
    base = queryset.order_by()
    walk = base.order_by("-issued_on", "-pk").values_list("pk", "issued_on")[:need]
    walk_sql, walk_params = walk.query.sql_with_params()
    if walk_sql.count(TABLE) != 1:
        return None
    head, tail = walk_sql.split(TABLE)
    # Without filters the walk needs only the index's own columns: an index-only scan.
    walked = "id, issued_on" if tail.lstrip().startswith("ORDER BY") else "*"
    conditions, condition_params = [], []
    if expired_before:
        conditions.append(EXPIRED_ONLY)
        condition_params.append(expired_before)
    if revoked:
        conditions.append(REVOKED_ONLY)
    if before:
        conditions.append(OLDER_THAN)
        condition_params.extend(before)
    if schools is not None:
        conditions.append(OF_SCHOOLS)
        condition_params.append(sorted(schools))
    where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
    walk_sql = head + WALK.format(walked, where) + tail
    walk_params = (*condition_params, walk_rows, *walk_params)
    candidates_sql, candidates_params = base.values_list("pk", "issued_on").query.sql_with_params()
    # The SQL is our own text around the ORM's compiled queries; every value is a parameter.
    sql = f"""
        WITH walk AS MATERIALIZED ({walk_sql}),
        enough AS MATERIALIZED (SELECT count(*) >= %s AS ok, count(*) < %s AS short FROM walk),
        found (id, issued_on) AS (
            SELECT * FROM walk WHERE (SELECT ok FROM enough)
            UNION ALL
            SELECT * FROM ({candidates_sql} OFFSET 0) candidates WHERE NOT (SELECT ok FROM enough)
        ),
        page AS MATERIALIZED (
            SELECT id, issued_on FROM found ORDER BY issued_on DESC, id DESC LIMIT %s OFFSET %s
        )
        SELECT {_columns(columns)}, (SELECT ok AND short FROM enough)
        FROM registry_certificate c JOIN page ON page.id = c.id ORDER BY page.issued_on DESC, page.id DESC
    """  # noqa: S608
    params = (*walk_params, offset + (enough or limit), need, *candidates_params, limit, offset)
    Row = namedtuple("Row", columns, rename=True)
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchall()
    return [Row(*values[:-1]) for values in found], bool(found and found[0][-1])
