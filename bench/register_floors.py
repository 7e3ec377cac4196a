"""The SQL floor of bench/register_search.py: the same rows as the register's page statement returned (the page and
its look-ahead) by hand-written statements, several ways, the fastest of which is the floor each register query is
compared with (see that script's docstring)."""

# ruff: noqa: S608 - the SQL is the benchmark's own text; every value from outside is a parameter

from core.prepared import prepared_rows


def floor_queries(spec, today, school, rows):
    """Hand-written SQL for `rows` rows from the page's first, several ways; the fastest is the floor."""
    from registry.register.search import fold

    where, params = [], []
    for word in spec.get("words", []):
        where.append("search_text LIKE %s")
        params.append(f"%{fold(word)}%")
    if spec.get("number"):
        where.append("number = %s")
        params.append(spec["number"])
    if spec.get("city"):
        where.append("search_text LIKE %s AND werkmentor_fold(company_city) LIKE %s")
        params += [f"%{fold(spec['city'])}%"] * 2
    status = spec.get("status")
    if status == "revoked":
        where.append("revoked_at IS NOT NULL")
    elif status:
        where.append("revoked_at IS NULL AND valid_until " + (">= %s" if status == "valid" else "< %s"))
        params.append(today)
    if school:
        where.append("school_id = %s")
        params.append(school)
    condition = " AND ".join(where) or "true"
    offset = (spec.get("page", 1) - 1) * 25
    columns = "c.id, c.number, c.holder_name, c.company_name, c.company_city, c.company_country, c.school_id, "
    columns += "c.issued_on, c.valid_until, c.revoked_at"
    order = "ORDER BY issued_on DESC, id DESC"
    plain = f"SELECT {columns} FROM registry_certificate c WHERE {condition} {order} LIMIT {rows} OFFSET {offset}"
    page = "ORDER BY p.issued_on DESC, p.id DESC"
    need = offset + rows
    walk_rows = min(max(10_000, 40 * need), 200_000)
    upper = ""
    upper_params = []
    if status == "expired":
        upper = "WHERE issued_on < (SELECT %s::date - min(valid_until - issued_on) FROM registry_certificate)"
        upper_params = [today]
    elif status == "revoked":
        upper = "WHERE revoked_at IS NOT NULL"
    walk = (
        f"WITH walk AS MATERIALIZED (SELECT id, issued_on FROM (SELECT * FROM registry_certificate {upper} {order} "
        f"LIMIT {walk_rows}) c WHERE {condition} {order} LIMIT {need}), "
        f"ok AS MATERIALIZED (SELECT count(*) >= {need} AS ok FROM walk) "
        f"SELECT {columns} FROM registry_certificate c JOIN (SELECT * FROM ("
        "SELECT * FROM walk WHERE (SELECT ok FROM ok) UNION ALL SELECT * FROM ("
        f"SELECT id, issued_on FROM registry_certificate c WHERE {condition} OFFSET 0) m WHERE NOT (SELECT ok FROM ok)"
        f") f {order} LIMIT {rows} OFFSET {offset}) p USING (id) {page}"
    )
    queries = {
        "bounded walk, then candidates": (walk, [*upper_params, *params, *params], None),
        **rare_trigram_queries(spec, condition, params, columns, rows, offset),
        "planner": (plain, params, None),
        "candidates first": (
            f"WITH m AS MATERIALIZED (SELECT id, issued_on FROM registry_certificate WHERE {condition}) "
            f"SELECT {columns} FROM registry_certificate c JOIN (SELECT id, issued_on FROM m {order} "
            f"LIMIT {rows} OFFSET {offset}) p USING (id) {page}",
            params,
            None,
        ),
        "index walk": (plain, params, "SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off"),
        "ids first": (
            f"SELECT {columns} FROM registry_certificate c JOIN (SELECT id, issued_on FROM registry_certificate "
            f"WHERE {condition} {order} LIMIT {rows} OFFSET {offset}) p USING (id) {page}",
            params,
            None,
        ),
    }
    if school:
        queries.update(school_floor_queries(spec, where[:-1], params[:-1], school, columns, offset, rows))
    return queries


def rare_trigram_queries(spec, condition, params, columns, rows, offset):
    """Every match from the trigram index asked for the two rarest trigrams of each word (the patterns looked up
    beforehand, outside the timing), the words then tested on the rows; none without words."""
    from django.db import connection

    from registry.register import rare_trigrams

    texts = [*spec.get("words", []), *([spec["city"]] if spec.get("city") else [])]
    if not texts:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(rare_trigrams.rarest_patterns_query(), {"rare_texts": texts})
        patterns = cursor.fetchone()[0]
    likes = " AND ".join(["search_text LIKE %s"] * len(patterns))
    order = "ORDER BY issued_on DESC, id DESC"
    sql = (
        f"WITH m AS MATERIALIZED (SELECT id, issued_on FROM (SELECT * FROM registry_certificate WHERE {likes} "
        f"OFFSET 0) c WHERE {condition}) SELECT {columns} FROM registry_certificate c JOIN (SELECT id, issued_on "
        f"FROM m {order} LIMIT {rows} OFFSET {offset}) p USING (id) ORDER BY p.issued_on DESC, p.id DESC"
    )
    return {"candidates by rare trigrams": (sql, [*patterns, *params], None)}


def school_floor_queries(spec, where, params, school, columns, offset, rows):
    """One school's page by hand: its (school, issued_on, id) index walked index-only, the search words tested on
    the entries' search_text and the other columns fetched by id for those that pass; and the candidates with the
    school tested on the rows (school_id + 0: no bitmap of the school's 100,000 index entries to AND)."""
    condition = " AND ".join(where) or "true"
    order = "ORDER BY w.issued_on DESC, w.id DESC"
    walk = (
        f"SELECT {columns} FROM registry_certificate c JOIN (SELECT w.id, w.issued_on FROM (SELECT id, issued_on, "
        f"search_text FROM registry_certificate WHERE school_id = %s ORDER BY issued_on DESC, id DESC) w "
        "CROSS JOIN LATERAL (SELECT number, revoked_at, valid_until, company_city FROM registry_certificate r "
        f"WHERE r.id = w.id OFFSET 0) r WHERE {condition} {order} LIMIT {rows} OFFSET {offset}) p USING (id) "
        "ORDER BY p.issued_on DESC, p.id DESC"
    )
    unindexed = (
        f"SELECT {columns} FROM registry_certificate c WHERE {condition} AND school_id + 0 = %s "
        f"ORDER BY issued_on DESC, id DESC LIMIT {rows} OFFSET {offset}"
    )
    return {
        "school index walk": (walk, [school, *params], None),
        "candidates, school on the rows": (unindexed, [*params, school], None),
    }


def run_floor(sql, params, settings_sql=None):
    """One hand-written way, as an ordinary query (planned for its values), after its settings if any."""
    from django.db import connection, transaction

    if not settings_sql:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(settings_sql)
        cursor.execute(sql, params)
        return cursor.fetchall()


class SentStatement:
    """The register's page statement exactly as the selector sent it, through core.prepared (prepared once per
    connection, one generic plan): the walk's, or, for a certificate number, the ORM's query; for another order
    than newest first, the ORM's query as Django runs it."""

    def __init__(self, selector):
        from unittest import mock

        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        import registry.register.page_query as page_query
        import registry.register.selectors as selectors

        sent = []

        def recorded(alias, sql, params):
            sent.append((alias, sql, params))
            return prepared_rows(alias, sql, params)

        with (
            CaptureQueriesContext(connection) as captured,
            mock.patch.object(page_query, "prepared_rows", recorded),
            mock.patch.object(selectors, "prepared_rows", recorded),
        ):
            selector()
        self.query_count = len(captured.captured_queries)  # read now: the log is a ring of 9,000
        self.sent = sent[-1] if sent else None
        self.logged_sql = captured.captured_queries[-1]["sql"]

    def rows_read(self, rows):
        """How many rows the register's statement read for `rows` (its result): as many as it returned when its
        look-ahead stopped short of the results (they go on), otherwise as many as it asked for, having found
        that there are no more."""
        from registry.register.selectors import LOOK_AHEAD_PAGES, PAGE_SIZE

        short = bool(self.sent and rows and rows[0][-1])
        return len(rows) if short else PAGE_SIZE * (1 + LOOK_AHEAD_PAGES) + 1

    def run(self):
        if self.sent:
            return prepared_rows(*self.sent)
        return run_floor(self.logged_sql, None)
