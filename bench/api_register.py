"""Benchmark: the API's register endpoint (GET /api/v1/register/) at 100,000 certificates, the register's searches.

    .venv/bin/python bench/api_register.py              # 100,000 certificates, 30 runs per search
    .venv/bin/python bench/api_register.py --runs 50

The database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/wm_bench_api_register_100k) is
filled once by bench/register_data.py, as bench/register_search.py fills its own, and reused by later runs
(--refill makes it again). The searches are bench/register_search.py's: the same words, number, city, status
and deep pages, for the coordinator of one school (the API's token) and for a staff session (all schools).

Timed per search, alternating the two sides request by request:
- API request: the whole request in-process with Django's test client: the token's look-up (its last use is
  written at most once a minute), middleware, the register's filter and page query, the JSON.
- API page query: api.register.register_slice(user, params) alone, what the view asks of the database (its
  queries are counted: the roles and the page; a token's request adds its look-up, at most once a minute its
  last use).
A deep page ("page 200") is read with the cursor a client holds after following `next` that far (the row just
before the page), so it costs one request, as a client paging through the register pays it.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SIZE = 100_000
DATABASE = "postgres://postgres@127.0.0.1:5432/wm_bench_api_register_100k"
PAGE = 25


def setup(refill: bool) -> None:
    os.environ["BENCH_DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", DATABASE)
    from bench import register_search

    register_search.DATABASES[SIZE] = os.environ["BENCH_DATABASE_URL"]
    register_search.setup(SIZE, refill)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def cursor_before_page(user, params: dict, page: int) -> str | None:
    """The cursor `next` gives after page - 1 pages: the (issued_on, id) of the last row before the page."""
    from accounts.selectors import forget_roles
    from api.register import encode_cursor
    from registry.register.filters import RegisterFilter
    from registry.register.selectors import register_certificates, register_schools

    if page <= 1:
        return None
    forget_roles(user)
    register_filter = RegisterFilter(
        params or None, queryset=register_certificates(user), schools=register_schools(user)
    )
    rows = register_filter.qs.order_by("-issued_on", "-pk").values_list("issued_on", "pk")
    row = rows[(page - 1) * PAGE - 1 : (page - 1) * PAGE]
    return encode_cursor(*row[0]) if row else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--refill", action="store_true")
    options = parser.parse_args()
    setup(options.refill)

    from django.db import connection
    from django.http import QueryDict
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.selectors import forget_roles
    from api.models import ApiToken
    from api.register import register_slice
    from api.tokens import token_create
    from bench.register_search import people, register_params, scenarios

    school, staff, coordinator = people()
    ApiToken.objects.filter(school=school, name="bench").delete()
    _token, text = token_create(school=school, by=coordinator, name="bench", scope=ApiToken.Scope.READ)
    token_client = Client(HTTP_AUTHORIZATION=f"Bearer {text}")
    staff_client = Client()
    staff_client.force_login(staff)
    load = os.getloadavg()
    print(
        f"\n{SIZE:,} certificates, PostgreSQL; ms per call, n={options.runs}; load average at start "
        f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f} ({os.cpu_count()} cores)\n"
    )
    print("| who | search | API request p50 / p95 | API page query p50 / p95 | page queries |")
    print("|---|---|---|---|---|")
    worst = 0.0
    for who, user, client in (
        ("coordinator (token)", coordinator, token_client),
        ("staff (session)", staff, staff_client),
    ):
        for label, spec in scenarios(SIZE):
            params = register_params(spec)
            page = params.pop("page", 1)
            cursor = cursor_before_page(user, params, page)
            if cursor == "":
                print(f"| {who} | {label} | (fewer pages at this size) | | |")
                continue
            query = {**params, **({"cursor": cursor} if cursor else {})}
            url = f"/api/v1/register/?{urlencode(query)}"
            query_dict = QueryDict(urlencode(query))

            def request(url=url, client=client):
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code, response.content[:300])
                return response

            def page_query(user=user, query_dict=query_dict):
                forget_roles(user)
                return register_slice(user, query_dict)

            for _ in range(2):  # warm
                request()
                page_query()
            with CaptureQueriesContext(connection) as captured:
                page_query()
            queries = len(captured.captured_queries)  # now: the log is a ring that the runs below roll over
            times = {"request": [], "query": []}
            for _ in range(options.runs):
                for name, call in (("request", request), ("query", page_query)):
                    started = time.perf_counter()
                    call()
                    times[name].append((time.perf_counter() - started) * 1000)
            req, qry = times["request"], times["query"]
            worst = max(worst, percentile(req, 0.95))
            print(
                f"| {who} | {label} | {statistics.median(req):.1f} / {percentile(req, 0.95):.1f} "
                f"| {statistics.median(qry):.1f} / {percentile(qry, 0.95):.1f} | {queries} |",
                flush=True,
            )
    load = os.getloadavg()
    print(f"\nworst API request p95: {worst:.1f} ms; load average at the end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
