"""core/prepared.py: a statement sent through it is prepared once per connection and planned once (a generic
plan), gives the rows an ordinary query gives, and is counted and logged like any other query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.prepared import prepared_rows

pytestmark = pytest.mark.django_db

# Numbers 1..upto on both engines (SQLite has no generate_series).
SQL = (
    "WITH RECURSIVE numbers(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM numbers WHERE n < %(upto)s) "
    "SELECT n, n * %(factor)s FROM numbers WHERE n > %(above)s AND n <= %(upto)s ORDER BY n"
)


def plain_rows(params):
    with connection.cursor() as cursor:
        cursor.execute(SQL, params)
        return cursor.fetchall()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
def test_prepared_once_planned_once_and_the_same_rows():
    for params in (
        {"factor": 2, "upto": 5, "above": 1},
        {"factor": 3, "upto": 9, "above": 6},
        {"factor": 1, "upto": 0, "above": 0},
    ):
        assert prepared_rows("default", SQL, params) == plain_rows(params)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE %s",
            ["%WITH RECURSIVE numbers(n)%"],
        )
        (generic, custom), *others = cursor.fetchall()
    assert not others
    assert generic == 3 and custom == 0


def test_counted_and_logged_with_its_values():
    params = {"factor": 7, "upto": 3, "above": 0}
    with CaptureQueriesContext(connection) as captured:
        rows = prepared_rows("default", SQL, params)
    assert [tuple(row) for row in rows] == [(1, 7), (2, 14), (3, 21)]
    assert len(captured.captured_queries) == 1
    if connection.vendor == "postgresql":
        assert "WHERE n < 3" in captured.captured_queries[0]["sql"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
def test_a_long_statements_placeholders_are_converted_once():
    """psycopg converts %(name)s to $n again for every statement over its cache's limit; the register's page
    statements are 4-7 KB, so core.prepared raises the limit. If psycopg drops or renames the setting, this fails."""
    from psycopg import _queries

    long_sql = SQL + " " * 6000  # the register's page statement is as long
    _queries._query2pg.cache_clear()
    for params in ({"factor": 2, "upto": 5, "above": 1}, {"factor": 3, "upto": 9, "above": 6}):
        assert prepared_rows("default", long_sql, params) == plain_rows(params)
    assert _queries._query2pg.cache_info().hits >= 1
