"""A hand-written statement run as a PostgreSQL prepared statement with a generic plan, planned once per connection.

The register's page statement (registry/register/page_query.py) picks its branch while it runs (one-time filters
over a probe of the newest rows), so its plan does not depend on the search: yet PostgreSQL planned it again on
every request, 1.4 ms for a statement that runs in 0.5 ms. Sent here, psycopg prepares it on the connection the
first time (server-side binding, prepare_threshold 0 for such cursors only) and PostgreSQL keeps one generic plan
for it (plan_cache_mode=force_generic_plan, set on every connection in config/settings.py: Django's own queries
bind their values client-side and are never prepared, so the setting reaches only statements sent through here).

The statement still goes through Django's cursor wrapper: it is logged, counted by the query-count tests and
subject to the statement timeout like any other. On SQLite it runs as an ordinary query.
"""

from django.db import connections

# psycopg converts a statement's %(name)s placeholders to $1, $2 ... on every execute and keeps the conversion only
# for statements of at most 4,096 bytes (psycopg._queries). The register's page statement is 4-7 KB: converting it
# again took 0.11 ms of a 0.5 ms search. The limit keeps one-off giant queries out of psycopg's 128-entry cache; the
# statements sent through here are a few dozen texts, so a larger limit is safe. A psycopg without the setting only
# loses the cache (tests/core/test_prepared.py notices).
CONVERSION_CACHE_LIMIT = 16_384
try:
    from psycopg import _queries as psycopg_queries
except ImportError:  # SQLite only
    psycopg_queries = None
else:
    psycopg_queries.MAX_CACHED_STATEMENT_LENGTH = max(
        psycopg_queries.MAX_CACHED_STATEMENT_LENGTH, CONVERSION_CACHE_LIMIT
    )


def _server_binding_cursor(connection):
    """Django's cursor (wrappers, logging, error translation) around a psycopg cursor that binds values on the
    server, the kind psycopg prepares; connection.cursor() gives a client-side binding one, which never is."""
    from django.db.backends.postgresql.base import ServerBindingCursor  # only where psycopg is installed

    connection.ensure_connection()
    with connection.wrap_database_errors:
        return connection._prepare_cursor(ServerBindingCursor(connection.connection))


def prepared_rows(alias: str, sql: str, params) -> list[tuple]:
    """The statement's rows; off PostgreSQL, as an ordinary query."""
    connection = connections[alias]
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    with _server_binding_cursor(connection) as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if connection.queries_logged and connection.queries_log:
        # Logged (DEBUG, query-capturing tests) as it ran, values in place, so that it can be read and EXPLAINed.
        import psycopg

        connection.queries_log[-1]["sql"] = psycopg.ClientCursor(connection.connection).mogrify(sql, params)
    return rows
