"""The SQL floor of bench/register_search.py: the same page's 25 rows by hand-written statements, several ways,
the fastest of which is the floor each register query is compared with (see that script's docstring)."""

# ruff: noqa: S608 - the SQL is the benchmark's own text; every value from outside is a parameter


def floor_queries(spec, today, school):
    """Hand-written SQL for the page's 25 rows, several ways; the fastest is the floor."""
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
    plain = f"SELECT {columns} FROM registry_certificate c WHERE {condition} {order} LIMIT 25 OFFSET {offset}"
    page = "ORDER BY p.issued_on DESC, p.id DESC"
    need = offset + 25
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
        f") f {order} LIMIT 25 OFFSET {offset}) p USING (id) {page}"
    )
    queries = {
        "bounded walk, then candidates": (walk, [*upper_params, *params, *params], None),
        "planner": (plain, params, None),
        "candidates first": (
            f"WITH m AS MATERIALIZED (SELECT id, issued_on FROM registry_certificate WHERE {condition}) "
            f"SELECT {columns} FROM registry_certificate c JOIN (SELECT id, issued_on FROM m {order} "
            f"LIMIT 25 OFFSET {offset}) p USING (id) {page}",
            params,
            None,
        ),
        "index walk": (plain, params, "SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off"),
        "ids first": (
            f"SELECT {columns} FROM registry_certificate c JOIN (SELECT id, issued_on FROM registry_certificate "
            f"WHERE {condition} {order} LIMIT 25 OFFSET {offset}) p USING (id) {page}",
            params,
            None,
        ),
    }
    if school:
        queries.update(school_floor_queries(spec, where[:-1], params[:-1], school, columns, offset))
    return queries


def school_floor_queries(spec, where, params, school, columns, offset):
    """One school's page by hand: its (school, issued_on, id) index walked index-only, the search words tested on
    the entries' search_text and the other columns fetched by id for those that pass; and the candidates with the
    school tested on the rows (school_id + 0: no bitmap of the school's 100,000 index entries to AND)."""
    condition = " AND ".join(where) or "true"
    order = "ORDER BY w.issued_on DESC, w.id DESC"
    walk = (
        f"SELECT {columns} FROM registry_certificate c JOIN (SELECT w.id, w.issued_on FROM (SELECT id, issued_on, "
        f"search_text FROM registry_certificate WHERE school_id = %s ORDER BY issued_on DESC, id DESC) w "
        "CROSS JOIN LATERAL (SELECT number, revoked_at, valid_until, company_city FROM registry_certificate r "
        f"WHERE r.id = w.id OFFSET 0) r WHERE {condition} {order} LIMIT 25 OFFSET {offset}) p USING (id) "
        "ORDER BY p.issued_on DESC, p.id DESC"
    )
    unindexed = (
        f"SELECT {columns} FROM registry_certificate c WHERE {condition} AND school_id + 0 = %s "
        f"ORDER BY issued_on DESC, id DESC LIMIT 25 OFFSET {offset}"
    )
    return {
        "school index walk": (walk, [school, *params], None),
        "candidates, school on the rows": (unindexed, [*params, school], None),
    }


def register_floor(user, query):
    """The register's own page statement for the floor's 25 rows (no look-ahead): its plan is one of the hand-written
    ways too, so the floor is never slower than it. None for a whole number (the selector does not use it)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from accounts.selectors import forget_roles
    from registry.register.filters import RegisterFilter, is_whole_number
    from registry.register.page_query import newest_first_rows
    from registry.register.selectors import PAGE_SIZE, page_number, register_certificates, walked_schools

    forget_roles(user)
    register_filter = RegisterFilter(query or None, queryset=register_certificates(user), schools=[])
    cleaned = register_filter.form.cleaned_data if register_filter.is_bound and register_filter.is_valid() else {}
    if is_whole_number(cleaned.get("q")):
        return None
    status = cleaned.get("status")
    with CaptureQueriesContext(connection) as captured:
        newest_first_rows(
            register_filter.qs,
            ("pk",),
            (page_number(query.get("page")) - 1) * PAGE_SIZE,
            PAGE_SIZE,
            expired_before=timezone.localdate() if status == "expired" else None,
            revoked=status == "revoked",
            schools=walked_schools(register_filter, user),
        )
    return captured.captured_queries[-1]["sql"]


def run_sql(connection, sql):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()
