"""Benchmark: the register's search against Django's admin changelist and the SQL floor, like with like.

    .venv/bin/python bench/register_search.py --size 120000
    .venv/bin/python bench/register_search.py --size 1000000

Each size has its own PostgreSQL database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/wm_bench_register for 1,000,000 and .../wm_bench_register_120k for
120,000), filled once by bench/register_data.py and reused by later runs (--refill makes it again).
For every query kind, as staff (all schools) and as the coordinator of one school, it times in one process,
alternating the peers request by request (so that a burst of load on the shared machine hits all alike), with
Python's garbage collector held off during each timed call and left to run between them (a collection of a
younger generation took 5-9 ms here and fell on whichever call crossed its threshold, peer or floor alike):

- register SQL: the register's page statement alone (registry/register/page_query.py), exactly as the selector
  sends it: prepared once per connection with one generic plan (core/prepared.py), for the page and two pages of
  look-ahead.
- register (selector): registry.register.selectors.search_register(user, params), what the register's page and
  an API call: the user's roles, the school choices and the page rows with its look-ahead, all queries.
- register (page): the whole request in-process with Django's test client (middleware, session, template).
- admin (a): the shipped CertificateAdmin changelist (all its columns, 100 rows, date hierarchy, two counts).
- admin (b): an admin with the register's columns, 25 rows, no date hierarchy and the register's four search
  fields (number, holder, company, city), on its own AdminSite.
- SQL floor: the same result set as the register's statement (the page and the look-ahead it read: as many rows as
  it returned when its look-ahead stopped short of the results, otherwise as many as it asked for) by the fastest,
  at p95, of the hand-written queries (the planner's choice, candidates first, a forced index walk, ids first and
  then the rows, and the register's bounded walk written by hand; for one school also its (school, issued_on, id)
  index walked index-only, and the candidates with the school tested on the rows), each both as an ordinary query
  planned for its values and prepared with one generic plan as the site sends its own, over the same indexes and
  search column. The register's own statement is not among them.

Like with like: the same filter on every side. Words go to each admin's search box (its icontains, not
accent-blind: the words below have no accents); a certificate number is an exact `number=` look-up on the
admins too; a city is `company_city__icontains`; a status is the same condition on revoked_at and
valid_until; a coordinator's school is `school__id__exact`; a deep page is the same offset.
"""

# ruff: noqa: S608 - the SQL is the benchmark's own text; every value from outside is a parameter

import argparse
import gc
import os
import statistics
import subprocess
import sys
import time
from functools import partial
from pathlib import Path
from urllib.parse import urlencode, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from register_floors import SentStatement, floor_queries, prepared_rows, run_floor  # noqa: E402 - bench/ is on sys.path as the script's own folder

DATABASES = {
    120_000: "postgres://postgres@127.0.0.1:5432/wm_bench_register_120k",
    1_000_000: "postgres://postgres@127.0.0.1:5432/wm_bench_register",
}


def setup(size: int, refill: bool) -> None:
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", DATABASES[size])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
    os.environ.setdefault("DB_CONN_MAX_AGE", "600")
    os.environ["DB_STATEMENT_TIMEOUT"] = "0"
    import psycopg

    parsed = urlparse(os.environ["DATABASE_URL"])
    with psycopg.connect(parsed._replace(path="/postgres").geturl(), autocommit=True) as connection:
        name = parsed.path.lstrip("/")
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from bench.register_data import fill

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM registry_certificate")
        if cursor.fetchone()[0] != size or refill:
            with transaction.atomic():
                fill(cursor, size)
            cursor.execute("VACUUM ANALYZE registry_certificate")
            cursor.execute("VACUUM ANALYZE accounts_company")
        else:
            print(f"Reusing {size:,} certificates.")


def people():
    from accounts.models import Membership, Role, School, User

    school = School.objects.get(name="Bench College 1")
    staff, _ = User.objects.get_or_create(
        email="bench.staff@example.org",
        defaults={"first_name": "Bench", "last_name": "Staff", "is_staff": True, "is_superuser": True},
    )
    coordinator, _ = User.objects.get_or_create(
        email="bench.coordinator@example.org", defaults={"first_name": "Bench", "last_name": "Coordinator"}
    )
    Membership.objects.get_or_create(user=coordinator, role=Role.COORDINATOR, school=school)
    return school, staff, coordinator


def scenarios(size):
    """(label, spec): words, number, city, status, page. Pages hold 25 rows."""
    from registry.models import Certificate

    number = Certificate.objects.order_by("pk").values_list("number", flat=True)[size // 3]
    return [
        ("browse, page 1", {}),
        ("browse, page 200", {"page": 200}),
        ("1 word 'jansen'", {"words": ["jansen"]}),
        ("1 word 'jansen', page 40", {"words": ["jansen"], "page": 40}),
        ("1 word 'kowalski' (rare)", {"words": ["kowalski"]}),
        ("2 words 'Drukkerij Kowalski'", {"words": ["drukkerij", "kowalski"]}),
        ("2 words 'anna bakker'", {"words": ["anna", "bakker"]}),
        ("3 words 'Iris Kowalski Zwolle'", {"words": ["iris", "kowalski", "zwolle"]}),
        (f"number {number}", {"number": number}),
        ("city 'Zwolle'", {"city": "zwolle"}),
        ("city 'Aachen'", {"city": "aachen"}),
        ("status valid", {"status": "valid"}),
        ("status revoked", {"status": "revoked"}),
        ("status expired", {"status": "expired"}),
        ("valid + city 'Leiden'", {"status": "valid", "city": "leiden"}),
        ("revoked + 'bakkerij'", {"status": "revoked", "words": ["bakkerij"]}),
        ("valid + 'de vries' + Utrecht", {"status": "valid", "words": ["de", "vries"], "city": "utrecht"}),
    ]


def register_params(spec):
    params = {}
    if spec.get("words") or spec.get("number"):
        params["q"] = spec.get("number") or " ".join(spec["words"])
    for key in ("city", "status", "page"):
        if spec.get(key):
            params[key] = spec[key]
    return params


def admin_params(spec, today, per_page, school):
    params = {}
    if spec.get("words"):
        params["q"] = " ".join(spec["words"])
    if spec.get("number"):
        params["number"] = spec["number"]
    if spec.get("city"):
        params["company_city__icontains"] = spec["city"]
    status = spec.get("status")
    if status == "revoked":
        params["revoked_at__isnull"] = "False"
    elif status:
        params["revoked_at__isnull"] = "True"
        params["valid_until__gte" if status == "valid" else "valid_until__lt"] = today.isoformat()
    if school:
        params["school__id__exact"] = school
    offset = (spec.get("page", 1) - 1) * 25
    if offset:
        params["p"] = offset // per_page + 1
    return params


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Timer:
    """Runs of one peer: call() returns the rows (or the response) and is timed; the first `warm` are not kept."""

    def __init__(self, call, runs, warm=2):
        self.call, self.runs, self.warm, self.times, self.result = call, runs, warm, [], None

    def step(self, index):
        if index >= self.runs + self.warm:
            return
        # Python's collector runs between the timed calls, not inside them: it lands on whichever call crosses its
        # threshold (5-9 ms for a younger generation here), which made a 1 ms statement's p95 that of a collection.
        gc.disable()
        started = time.perf_counter()
        self.result = self.call()
        elapsed = (time.perf_counter() - started) * 1000
        gc.enable()
        if index >= self.warm:
            self.times.append(elapsed)

    @property
    def p50(self):
        return statistics.median(self.times)

    @property
    def p95(self):
        return percentile(self.times, 0.95)


def run_size(size, runs, admin_runs, who_filter, only=None):
    from django.http import QueryDict
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import reverse
    from django.utils import timezone

    from accounts.selectors import forget_roles
    from bench import register_admin
    from registry.register.selectors import search_register

    school, staff, coordinator = people()
    today = timezone.localdate()
    register_client, admin_client = Client(), Client()
    admin_client.force_login(staff)
    stock_url = reverse("admin:registry_certificate_changelist")
    slim_url = "/bench-admin/registry/certificate/"
    results = []
    with override_settings(ROOT_URLCONF=register_admin.urlconf()):
        for who, user in (("staff", staff), ("coordinator", coordinator)):
            if who_filter and who != who_filter:
                continue
            school_id = school.pk if who == "coordinator" else None
            for label, spec in scenarios(size):
                if only and only not in label:
                    continue
                params = register_params(spec)
                query = QueryDict(urlencode(params))

                def selector(user=user, query=query):
                    forget_roles(user)
                    return search_register(user, query).page.object_list

                register_page = f"{reverse('register')}?{urlencode(params)}"
                register_client.force_login(user)

                def view(url=register_page):
                    response = register_client.get(url)
                    assert response.status_code == 200, url
                    return response

                def admin_view(url):
                    def call():
                        response = admin_client.get(url)
                        assert response.status_code == 200, (url, response.status_code)
                        return response

                    return call

                stock = admin_view(f"{stock_url}?{urlencode(admin_params(spec, today, 100, school_id))}")
                slim = admin_view(f"{slim_url}?{urlencode(admin_params(spec, today, 25, school_id))}")
                statement = SentStatement(selector)
                query_count = statement.query_count

                own_rows = statement.run()
                floors = {}
                ways = floor_queries(spec, today, school_id, statement.rows_read(own_rows))
                for name, (sql, sql_params, settings_sql) in ways.items():
                    floors[name] = Timer(partial(run_floor, sql, sql_params, settings_sql), runs)
                    if not settings_sql:  # also prepared, with one generic plan, as the site sends its own statement
                        floors[f"{name}, prepared"] = Timer(partial(prepared_rows, "default", sql, sql_params), runs)
                timers = {"selector": Timer(selector, runs), "sql": Timer(statement.run, runs)}
                timers["view"] = Timer(view, runs)
                admin_warm = 1 if admin_runs >= 3 else 0  # at 1,000,000 an admin search takes seconds
                if admin_runs:  # --admin-runs 0: the register and the floor only (the admins take seconds at 1M)
                    timers["stock"] = Timer(stock, admin_runs, warm=admin_warm)
                    timers["slim"] = Timer(slim, admin_runs, warm=admin_warm)
                for index in range(runs + 2):
                    for timer in (*timers.values(), *floors.values()):
                        timer.step(index)
                ids = [row.pk for row in timers["selector"].result]
                assert ids == [row[0] for row in own_rows][: len(ids)], (label, who)
                best = min(floors, key=lambda name: floors[name].p95)
                floor_ids = [row[0] for row in floors[best].result]
                # The same result set: the page and as much look-ahead as the register's statement read.
                assert [row[0] for row in own_rows] == floor_ids, (label, who, ids[:5], floor_ids[:5])
                results.append((who, label, timers, floors[best], best, query_count))
                print_row(results[-1], flush=True)
    return results


HEADER = (
    "| who | query | register SQL p50 / p95 | SQL floor p50 / p95 (how) | SQL ÷ floor p95 "
    "| register selector p50 / p95 | register page p50 / p95 | queries | admin (a) stock p50 / p95 "
    "| admin (b) slim p50 / p95 |\n"
    "|---|---|---|---|---|---|---|---|---|---|"
)


def print_row(result, flush=False):
    who, label, timers, floor, best, queries = result
    q, s, v = timers["sql"], timers["selector"], timers["view"]
    admins = " | ".join(
        f"{timers[name].p50:.0f} / {timers[name].p95:.0f}" if name in timers else "–" for name in ("stock", "slim")
    )
    print(
        f"| {who} | {label} | {q.p50:.1f} / {q.p95:.1f} | {floor.p50:.1f} / {floor.p95:.1f} ({best}) "
        f"| {q.p95 / floor.p95:.1f}× | {s.p50:.1f} / {s.p95:.1f} | {v.p50:.1f} / {v.p95:.1f} | {queries} "
        f"| {admins} |",
        flush=flush,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, choices=sorted(DATABASES), action="append")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--admin-runs", type=int, default=5)
    parser.add_argument("--who", choices=["staff", "coordinator"])
    parser.add_argument("--refill", action="store_true")
    parser.add_argument("--only", help="only the queries whose label holds this text")
    options = parser.parse_args()
    sizes = options.size or sorted(DATABASES)
    if len(sizes) > 1:  # one process per size: Django has one default database
        for size in sizes:
            argv = ["--size", str(size), "--runs", str(options.runs), "--admin-runs", str(options.admin_runs)]
            argv += ["--refill"] * options.refill + (["--who", options.who] if options.who else [])
            subprocess.run([sys.executable, __file__, *argv], check=True)  # noqa: S603 - this very script
        return
    size = sizes[0]
    setup(size, options.refill)
    gc.collect()
    gc.freeze()  # what Django and the setup made stays: the collections between calls skip it
    load = os.getloadavg()
    print(
        f"\n{size:,} certificates, PostgreSQL; ms per call; register n={options.runs}, admins n={options.admin_runs};"
        f" load average at start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} ({os.cpu_count()} cores)\n"
    )
    print(HEADER, flush=True)
    run_size(size, options.runs, options.admin_runs, options.who, options.only)
    load = os.getloadavg()
    print(f"\nload average at the end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
