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
page is one statement that measures how common the matches are on the newest rows, then picks:

1. the *probe*: a walk over a tenth of the walk's rows (or the page's depth, if deeper). When it
   holds the page (common matches), that is the answer, with as much look-ahead as it found.
2. otherwise its count tells the density of matches. When a walk of at most `walk_rows` would find the page
   at that density, the *walk* reads on from where the probe stopped, as far as it takes to find the page twice
   over (no further: the look-ahead is then "more than"), at most `walk_rows` from the newest; the page is the
   probe's matches and then the walk's.
3. otherwise, or when the walk still fell short: every match (rare), from a subquery behind OFFSET 0 (a
   fence: the planner cannot merge it with the ORDER BY and walk the index again), the page sorted in
   memory. The trigram index is asked for the rarest trigrams of each searched word only (rare_trigrams.py).

Each walk is a subquery with its own ORDER BY and LIMIT, which the planner can only read by the index; the
filters test its rows as they come, and it stops when it holds the page and its look-ahead. A walk that is not
needed gets LIMIT 0 and the candidates a one-time filter: PostgreSQL does not run them ("never executed").
A rare search thus costs the probe (about a millisecond) and the bitmap, instead of a whole walk first.

One school's register (a coordinator's) walks the index certificate_school_search instead: the school's rows newest
first with their search column (its revoked ones: certificate_school_revoked), read index-only, so a walk passes
neither other schools' rows nor the table (the issue-date index read ten rows for each of the school's). A row is
fetched by id only when a filter tests a column outside that index (a status, a city), and only for the entries
that passed the words. Its candidates, for words alone, come from the words' trigram bitmap with the school tested
on the rows (school_walk.py).

Without filters (staff browsing, an API cursor) every row is a match: the probe alone holds the page (EVERY_ROW).

The result is exactly what `ORDER BY issued_on DESC, id DESC OFFSET .. LIMIT ..` over the filtered queryset
returns (tests/registry/test_register_page_query.py compares them in every branch), in one query at any size.
"""

import re
from collections import namedtuple
from collections.abc import Collection, Sequence
from datetime import date
from functools import lru_cache

from django.db.models import QuerySet

from core.prepared import prepared_rows

from ..models import Certificate
from .school_walk import COLUMN, SCHOOL_INDEX_COLUMNS, TABLE, candidates_from, school_walk

WALK_ROWS = 10_000  # newest certificates walked at most before the candidates are collected instead
WALK_FACTOR = 40  # deeper pages walk further: `need` x this many rows ...
WALK_LIMIT = 200_000  # ... up to this many
# The probe reads this share of the walk's rows (at least the page's depth): at the least density at which the
# walk finds the page, it sees a few matches.
PROBE_SHARE = 10
# The walk after the probe reads as far as the probe's density says the page's rows take, this many times over.
WALK_MARGIN = 2
# A school's walk and probe read a tenth as many rows (still `need` x WALK_FACTOR at least): its rows are all
# candidates for the page, so a common match fills the page within a few hundred of them, and a rare one (a name,
# a city) is collected from the trigram bitmap sooner. PostgreSQL reads a school's newest rows along the
# (issued_on, id) index (the heap is in that order, so its cost model prefers it to the school's own index) and
# filters the other schools' out, so every row walked costs ten read.
SCHOOL_WALK_SHARE = 10

# A walk: the newest rows by the (issued_on, id) index, at most {} of them. LIMIT keeps the subquery apart (the
# planner cannot merge it with the filters and read a trigram bitmap instead); the filters, compiled by the ORM
# against "registry_certificate", then apply to it under the same name.
WALK = (
    ' FROM (SELECT {} FROM registry_certificate {} ORDER BY issued_on DESC, id DESC LIMIT {}) "registry_certificate" '
)
OF_SCHOOL = "school_id = %s"

# Expired certificates: none of the newest has expired yet. The newest that can have expired before a day was
# issued that day minus the shortest validity of any certificate (the index certificate_validity_days holds it,
# so min() reads one entry): the walk starts there.
EXPIRED_ONLY = "issued_on < (SELECT %s::date - coalesce(min(valid_until - issued_on), 0) FROM registry_certificate)"

# Revoked certificates (2%): the partial index certificate_revoked_issued holds them newest first.
REVOKED_ONLY = "revoked_at IS NOT NULL"
# Older than a given row (a cursor): a row comparison that the (issued_on, id) index serves as a range.
OLDER_THAN = "(issued_on, id) < (%s, %s)"
# One school's (or a few schools') certificates, tested in the walk itself, so that its LIMIT counts theirs.
OF_SCHOOLS = "school_id = ANY(%s)"
# The ORM's filters when they test the school alone (a coordinator browsing their register, staff one school's).
SCHOOLS_ONLY = re.compile(r'WHERE "registry_certificate"\."school_id" (?:IN \(%s(?:, %s)*\)|= %s) ORDER BY ')

# The statement. `probe` keeps every match it found up to the page's end (a deep page's too: `plan` needs their
# number, the density, and reading the probe a second time to count them cost as much as the probe), so `past` is
# how many of the page and its look-ahead it found. `walk` reads on after the probe's rows (the probe tested them: a
# rare word's walk read them again), and keeps the matches that follow the probe's from `offset` on (walk_offset and
# walk_limit count the probe's); `past` is then the probe's and the walk's together. `plan` decides from the probe's;
# the walk runs only when `plan` says so (otherwise LIMIT 0: not read); the candidates only when neither holds the
# page. A walk that fell short also holds the page when it read every row there is (a small register, or few
# revoked): *_domain counts those rows up to the walk's length, in any order, and only when asked (the second operand
# of OR); such a walk is not short either (its look-ahead saw the end of the results: a small register's count is
# exact); `decided` is kept apart (OFFSET 0), so that each is computed once, not once for each use of its result.
# Each part hands on the page's columns (`found`: pk and issued_on first, to sort by), from the probe's own rows or
# fetched by id (BY_ID). %(name)s are the caller's numbers, {} compiled SQL.
STATEMENT = """
    WITH probe AS MATERIALIZED ({probe}),
    plan AS MATERIALIZED (
        SELECT probed, probe_short, GREATEST(n - %(offset)s, 0) AS probe_past,
            GREATEST(%(offset)s - n, 0) AS walk_offset, %(limit)s - GREATEST(n - %(offset)s, 0) AS walk_limit,
            CASE WHEN NOT probed AND n * %(walk_rows)s >= %(enough)s::bigint * %(probe_rows)s
                THEN LEAST(%(walk_rows)s, CEIL(%(margin)s * %(probe_rows)s * %(enough)s::numeric / GREATEST(n, 1)))
                ELSE 0 END::bigint AS walk_rows
        FROM (
            SELECT n,
                past >= %(enough_past)s OR {probe_domain} < %(probe_rows)s AS probed,
                past >= %(enough_past)s AND past < %(limit)s AND {probe_domain} >= %(probe_rows)s AS probe_short
            FROM (SELECT count(*) - %(offset)s AS past, count(*) AS n FROM probe) counted
            OFFSET 0
        ) decided
    ),
    walk AS MATERIALIZED ({walk}),
    enough AS MATERIALIZED (
        SELECT probed OR past >= %(enough_past)s OR (walk_rows > 0 AND {walk_domain} < walk_rows) AS ok,
            CASE WHEN probed THEN probe_short
                ELSE past >= %(enough_past)s AND past < %(limit)s AND NOT (walk_rows > 0 AND {walk_domain} < walk_rows)
            END AS short
        FROM plan, (SELECT count(*) AS walked FROM walk) counted, LATERAL (SELECT probe_past + walked AS past) found
    ),
    candidates AS MATERIALIZED (
        SELECT * FROM ({candidates} OFFSET 0) candidates
        ORDER BY issued_on DESC, pk DESC LIMIT %(limit)s OFFSET %(offset)s
    ),
    found ({names}) AS (
        {probe_page} WHERE (SELECT ok FROM enough)
        UNION ALL
        SELECT {fetched} FROM walk {walk_by_id} WHERE (SELECT ok FROM enough)
        UNION ALL
        SELECT {fetched} FROM candidates {candidates_by_id} WHERE NOT (SELECT ok FROM enough)
    )
    SELECT {outputs}, (SELECT ok AND short FROM enough) FROM found ORDER BY issued_on DESC, pk DESC
"""
# Without filters every row the probe reads is a match: it holds the page, or every row there is (it reads at least
# the page's depth), so its rows are the answer and never short.
EVERY_ROW = """
    WITH probe AS MATERIALIZED ({probe})
    SELECT {columns}, false
    FROM probe found CROSS JOIN LATERAL (SELECT * FROM registry_certificate c WHERE c.id = found.pk OFFSET 0) c
    ORDER BY found.issued_on DESC, found.pk DESC
"""
# The first page without filters: the newest rows themselves, read along the index (no ids first: nothing is skipped).
NEWEST_ROWS = (
    "SELECT {columns}, false FROM registry_certificate c {where} ORDER BY c.issued_on DESC, c.id DESC LIMIT {limit}"
)
# Without the indentation: psycopg keeps its conversion of a statement of at most 4,096 bytes, and parses a longer
# one again on every request.
STATEMENT, EVERY_ROW = " ".join(STATEMENT.split()), " ".join(EVERY_ROW.split())

# The page in the probe's rows. On the first page the probe carries the page's columns: it read those rows from the
# table anyway, and fetching them again by id was half of a common word's statement. On a deep page the probe keeps
# ids only (most of its rows come before the page) and the page's rows are fetched by id.
PROBE_PAGE = "SELECT {} FROM probe"
DEEP_PROBE_PAGE = "SELECT {} FROM (SELECT pk, issued_on FROM probe ORDER BY 2 DESC, 1 DESC OFFSET %(offset)s) page {}"
# A row of the walk's or the candidates' ids (alias {}) fetched by id: one primary key look-up each (LATERAL with
# OFFSET 0: a generic plan merged the page with a backward scan of the whole primary key).
BY_ID = "CROSS JOIN LATERAL (SELECT * FROM registry_certificate c WHERE c.id = {}.pk OFFSET 0) c"
# The walk's rows: those after the probe's (it has tested them), up to the walk's length ...
AFTER_PROBE = "GREATEST((SELECT walk_rows FROM plan) - %(probe_rows)s, 0) OFFSET %(probe_rows)s"
# ... and the matches there that follow the probe's on the page (their LIMIT and OFFSET counted from the probe's).
AFTER_PROBES_MATCHES = " LIMIT (SELECT walk_limit FROM plan) OFFSET (SELECT walk_offset FROM plan)"
# The ORM's LIMIT and OFFSET at the end of a sliced query (literal numbers).
LIMITED = re.compile(r" LIMIT \d+(?: OFFSET \d+)?$")
# How many rows a walk can read, up to its length.
DOMAIN = "(SELECT count(*) FROM (SELECT 1 FROM registry_certificate {} LIMIT {}) domain)"
# Without conditions the rows a walk can read are the table's: when PostgreSQL's estimate of its size (pg_class, kept
# by ANALYZE and VACUUM) is ten times the walk's length, the walk cannot have read every row, and counting them up
# to its length (0.8 ms for a rare word's probe and walk at 1,000,000 certificates) is not needed. A wrong estimate
# costs time, never rows: an estimate too high takes the candidates (exact) instead of a walk that saw every row; one
# too low counts. Certificates are not deleted, so the estimate lags behind the table, not ahead of it.
TABLE_DOMAIN = (
    "(SELECT CASE WHEN reltuples >= 10 * {1} THEN {1} ELSE {0} END"
    " FROM pg_class WHERE oid = 'registry_certificate'::regclass)"
)
PLACEHOLDER = re.compile("%[s%]")  # the ORM's placeholders, and its escaped % (LIKE '%%' || ... || '%%')


@lru_cache(maxsize=32)
def row_class(columns: tuple[str, ...]) -> type:
    """A named tuple class for rows of `columns` (one per column set, not one per request)."""
    return namedtuple("Row", columns, rename=True)


def _column(name: str) -> str:
    """The table's column of a field name ("pk": the primary key's)."""
    meta = Certificate._meta
    return meta.pk.column if name == "pk" else meta.get_field(name).column


def _columns(names: tuple[str, ...]) -> str:
    return ", ".join(f'c."{_column(name)}"' for name in names)


def _found_columns(names: tuple[str, ...]) -> str:
    """The names of `names` in `probe` and `found` (pk as the ORM's alias, the others as the table's columns)."""
    return ", ".join("pk" if name == "pk" else f'"{_column(name)}"' for name in names)


def _domain(where: str, length: str) -> str:
    """How many rows a walk of `length` under the conditions `where` can read (see DOMAIN, TABLE_DOMAIN)."""
    counted = DOMAIN.format(where, length)
    return counted if where else TABLE_DOMAIN.format(counted, length)


def _walk_from(sql: str, where: str, revoked: bool, one_school: bool) -> str:
    """WALK or SCHOOL_WALK for the ORM's query `sql`, with a {} left for its length: it hands on the columns the
    query reads (without filters, the index's own: an index-only scan), as a row of every column cost a fifth more
    to pass up the walk."""
    if one_school:
        return school_walk(sql, where, revoked)
    return WALK.format(", ".join(dict.fromkeys(["id", "issued_on", *COLUMN.findall(sql)])), where, "{}")


def _named(sql: str, params: tuple, prefix: str) -> tuple[str, dict]:
    """The ORM's SQL with %s placeholders, given named ones (prefix0, prefix1, ...) to sit in STATEMENT."""
    names = iter(f"{prefix}{index}" for index in range(len(params)))
    named = PLACEHOLDER.sub(lambda match: "%%" if match[0] == "%%" else f"%({next(names)})s", sql)
    return named, {f"{prefix}{index}": value for index, value in enumerate(params)}


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
    texts: Sequence[str] = (),
) -> tuple[list, bool] | None:
    """Rows `offset` to `offset + limit` of `queryset` (filters only; its order is ignored), newest first,
    and whether they may stop short of the `limit` rows there are.

    A walk is enough when it found `enough` of the rows (default `limit`): with fewer than `limit`, the
    rows are then the first ones, and more may follow (a look-ahead cut short rather than a slow page).
    `expired_before`: the filters keep only certificates that expired before that day (valid_until < it).
    `revoked`: the filters keep only revoked certificates; the walk then reads the index of those.
    `before` (issued_on, id): the filters keep only rows older than that one (the API's cursor); the walk then
    starts there in the index instead of at the newest row.
    `schools`: the filters keep only these schools' certificates (a coordinator's register); the walk counts
    only theirs. `texts`: the filters keep only rows whose search_text holds each (the candidates are collected by
    their rarest trigrams: rare_trigrams.py).
    One query whatever the filters (see the module's docstring). None when the queryset's SQL is not the
    plain one-table query this is written for (the caller then sorts the queryset itself).
    """
    need = offset + limit
    enough = offset + (enough or limit)
    one_school = schools is not None and len(schools) == 1
    # A few schools' walk counts their own rows, each of which cost ten read; a revoked walk counts every school's;
    # one school's walk reads its own index, an entry at a time.
    share = 1 if schools is None or revoked or one_school else SCHOOL_WALK_SHARE
    walk_rows = min(max(WALK_ROWS // share, WALK_FACTOR * need), WALK_LIMIT)
    probe_rows = min(max(walk_rows // PROBE_SHARE, need), walk_rows)
    base = queryset.order_by()
    walk = base.order_by("-issued_on", "-pk").values_list("pk", "issued_on")
    walk_sql, walk_params = walk[offset:need].query.sql_with_params()
    if walk_sql.count(TABLE) != 1 or not LIMITED.search(walk_sql):
        return None
    head, tail = walk_sql.split(TABLE)
    if schools is not None and SCHOOLS_ONLY.match(tail) and set(schools) <= set(walk_params):
        # The filters only keep rows of schools the walk is limited to: every row it reads matches, as without filters.
        tail, walk_params = tail[tail.index("ORDER BY ") :], ()
    conditions, condition_params = [], []
    if expired_before:
        conditions.append(EXPIRED_ONLY)
        condition_params.append(expired_before)
    if revoked:
        conditions.append(REVOKED_ONLY)
    if before:
        conditions.append(OLDER_THAN)
        condition_params.extend(before)
    if one_school:
        conditions.append(OF_SCHOOL)  # one school, not ANY(): the index then reads in issue order
        condition_params.extend(schools)
    elif schools is not None and not revoked:
        # Not with the revoked ones: given both, the planner ANDs the bitmaps of the two indexes and sorts a
        # school's every revoked certificate; the revoked index's walk finds a school's in a tenth of its rows.
        conditions.append(OF_SCHOOLS)
        condition_params.append(sorted(schools))
    where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
    walk_from = _walk_from(head + tail, where, revoked, one_school)
    if tail.lstrip().startswith("ORDER BY"):
        if not offset:
            newest = NEWEST_ROWS.format(columns=_columns(columns), where=where, limit=need)
            sql, params = _named(newest, condition_params, "n")
            return _rows(queryset.db, sql, params, columns)
        probe_sql, probe_params = _named(
            head + walk_from.format("%s") + tail, (*condition_params, probe_rows, *walk_params), "p"
        )
        return _rows(queryset.db, EVERY_ROW.format(probe=probe_sql, columns=_columns(columns)), probe_params, columns)
    # `found` holds pk and issued_on to sort by, then the other columns asked for.
    names = tuple(dict.fromkeys(("pk", "issued_on", *columns)))
    fetched = _columns(names)
    if offset:
        probe_head, probe_from = head, walk_from
        probe_page = DEEP_PROBE_PAGE.format(fetched, BY_ID.format("page"))
    else:  # the probe's rows are the page's: they carry its columns
        carried = [_column(name) for name in names[2:]]
        probe_head = head + "".join(f', "registry_certificate"."{column}"' for column in carried)
        probe_from = _walk_from(probe_head + tail, where, revoked, one_school)
        probe_page = PROBE_PAGE.format(_found_columns(names))
    # The probe keeps the matches before the page too (see STATEMENT): the walk's slice without its OFFSET.
    probe_sql, probe_params = _named(
        probe_head + probe_from.format("%s") + LIMITED.sub(f" LIMIT {need}", tail),
        (*condition_params, probe_rows, *walk_params),
        "p",
    )
    walk_sql, walk_sql_params = _named(
        head + walk_from.format(AFTER_PROBE) + LIMITED.sub(AFTER_PROBES_MATCHES, tail),
        (*condition_params, *walk_params),
        "w",
    )
    # The candidates are the walk's query without its order and limit (the same columns, filters and values).
    candidates_sql, candidates_params = _named(head + TABLE + tail[: tail.rindex("ORDER BY ")], walk_params, "c")
    school_columns = one_school and set(COLUMN.findall(candidates_sql)) <= set(SCHOOL_INDEX_COLUMNS)
    from_table, rare_params = candidates_from(texts, school_columns)
    candidates_sql = candidates_sql.replace(TABLE, from_table, 1)
    probe_domain, probe_domain_params = _named(_domain(where, "%(probe_rows)s"), condition_params, "d")
    walk_domain, walk_domain_params = _named(_domain(where, "walk_rows"), condition_params, "e")
    # The SQL is our own text around the ORM's compiled queries; every value is a parameter.
    sql = STATEMENT.format(
        probe=probe_sql,
        probe_page=probe_page,
        probe_domain=probe_domain,
        walk=walk_sql,
        walk_domain=walk_domain,
        candidates=candidates_sql,
        names=_found_columns(names),
        fetched=fetched,
        walk_by_id=BY_ID.format("walk"),
        candidates_by_id=BY_ID.format("candidates"),
        outputs=_found_columns(columns),
    )
    params = {
        **probe_domain_params,
        **walk_domain_params,
        **probe_params,
        **walk_sql_params,
        **candidates_params,
        **rare_params,
        "enough": enough,
        "enough_past": enough - offset,
        "walk_rows": walk_rows,
        "probe_rows": probe_rows,
        "margin": WALK_MARGIN,
        "limit": limit,
        "offset": offset,
    }
    return _rows(queryset.db, sql, params, columns)


def _rows(alias: str, sql: str, params: dict, columns: tuple[str, ...]) -> tuple[list, bool]:
    """The statement's rows as named tuples of `columns`, and its last column of the first row (short)."""
    Row = row_class(columns)
    found = prepared_rows(alias, sql, params)
    return [Row(*values[:-1]) for values in found], bool(found and found[0][-1])
