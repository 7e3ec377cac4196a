"""The register's CSV export against PostgreSQL's COPY of the same query, and the export's memory as it grows.

    .venv/bin/python bench/export_register.py                 # time 10,000 rows; memory at 100,000 and 1,000,000
    .venv/bin/python bench/export_register.py --rounds 20 --memory 100000

Its own PostgreSQL database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/wm_bench_export),
filled once with 1,000,000 certificates of 100 schools (10,000 each) by INSERT ... SELECT over generate_series()
and reused by later runs (--refill makes it again).

- Time: a coordinator exports their school's 10,000 certificates through the whole Django request (test client,
  middleware, session, filter, the streamed body read to the end), alternating round by round with
  `COPY (the export's own SQL, taken from the queryset) TO STDOUT WITH (FORMAT csv)` read to the end by psycopg
  in the same process: the same rows, columns, joins and order.
- Memory: staff export 100,000 (a date range) and 1,000,000 (everything) rows as CSV, and the 100,000 as XLSX,
  each in a fresh process: the peak of Python's allocations while the body streams (tracemalloc) and the peak
  RSS growth of the process over its state before the request. Flat means the same at 100,000 and 1,000,000.
"""

# ruff: noqa: S608 - the SQL is the benchmark's own text; every value from outside is a parameter

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = "postgres://postgres@127.0.0.1:5432/wm_bench_export"
SIZE = 1_000_000
SCHOOLS = 100
FIRST_DAY = "2016-01-01"  # certificates are issued one day after another over 3,650 days (ten years)


def setup() -> None:
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", DATABASE)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
    os.environ["DB_STATEMENT_TIMEOUT"] = "0"
    os.environ.pop("REDIS_URL", None)
    import psycopg

    parsed = urlparse(os.environ["DATABASE_URL"])
    with psycopg.connect(parsed._replace(path="/postgres").geturl(), autocommit=True) as connection:
        name = parsed.path.lstrip("/")
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
    import django

    django.setup()


def fill(refill: bool) -> None:
    from django.core.management import call_command
    from django.db import connection, transaction

    from accounts.models import Company, School, User
    from registry.models import Certificate, Course

    call_command("migrate", verbosity=0)
    if not refill and Certificate.objects.count() == SIZE:
        print(f"Reusing {SIZE:,} certificates in {connection.settings_dict['NAME']}.")
        return
    started = time.perf_counter()
    with transaction.atomic():
        Certificate.objects.all()._raw_delete(Certificate.objects.db)
        teacher, _ = User.objects.get_or_create(email="bench.teacher@example.org", defaults={"first_name": "Bench"})
        companies = [
            Company.objects.get_or_create(name=f"Bench bedrijf {index}", defaults={"sector": sector, "city": city})[0]
            for index, (sector, city) in enumerate(
                [("Bouw", "Utrecht"), ("Zorg", "Zwolle"), ("Horeca", "Málaga"), ("Techniek", "Münster")]
            )
        ]
        courses = []
        for index in range(1, SCHOOLS + 1):
            school, _ = School.objects.get_or_create(name=f"Bench College {index}")
            course = Course.objects.filter(school=school).first() or Course.objects.create(
                school=school, teacher=teacher, title=f"Werkmentortraining {index}"
            )
            courses.append(course)
        # One certificate made by the ORM gives every column (also those other apps add) a valid value;
        # the SQL below copies it a million times, changing what a row needs of its own.
        template = Certificate.objects.create(
            number="BENCH-TEMPLATE",
            holder_name="Bench",
            company=companies[0],
            school=courses[0].school,
            course=courses[0],
            issued_on="2020-01-01",
            valid_until="2023-01-01",
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'registry_certificate'"
                " AND is_generated = 'NEVER' AND column_name <> 'id' ORDER BY ordinal_position"
            )
            columns = [row[0] for row in cursor.fetchall()]
            own = {
                "public_id": "gen_random_uuid()",
                "number": "'WM-' || lpad(n::text, 8, '0')",
                "holder_name": "(ARRAY['Zoë', 'Daniël', 'Jan', 'Ayşe', 'Anna', 'Łukasz'])[1 + n %% 6] || ' '"
                " || (ARRAY['de Vries', 'Jansen', 'Çelik', 'Bakker', 'Müller', 'van Dijk', 'Smit'])[1 + n %% 7]"
                " || ' ' || n",
                "holder_email": "''",
                "company_id": f"(ARRAY{[company.pk for company in companies]})[1 + n %% {len(companies)}]",
                # About one in a thousand, in every school, looks like a formula (defused): "=Bouwbedrijf Smit".
                "company_name": "CASE WHEN n %% 997 = 0 THEN '=' ELSE '' END || (ARRAY['Bouwbedrijf Smit',"
                " 'Zorgcentrum De Linde', 'Hotel Sol y Mar', 'Autohaus Becker GmbH'])[1 + n %% 4]",
                "company_city": "(ARRAY['Utrecht', 'Zwolle', 'Málaga', 'Münster'])[1 + n %% 4]",
                "company_country": "(ARRAY['NL', 'NL', 'ES', 'DE'])[1 + n %% 4]",
                "school_id": f"(ARRAY{[course.school_id for course in courses]})[1 + n %% {SCHOOLS}]",
                "course_id": f"(ARRAY{[course.pk for course in courses]})[1 + n %% {SCHOOLS}]",
                "issued_on": f"DATE '{FIRST_DAY}' + (n %% 3650)",
                "valid_until": f"DATE '{FIRST_DAY}' + (n %% 3650) + 1095",
                "revoked_at": "CASE WHEN n %% 50 = 0 THEN now() END",
                "revocation_reason": "CASE WHEN n %% 50 = 0 THEN 'Bench' ELSE '' END",
                "enrolment_id": "NULL",
                "renews_id": "NULL",
            }
            expressions = ", ".join(own.get(column, f"t.{column}") for column in columns)
            names = ", ".join(columns)
            cursor.execute(
                f"INSERT INTO registry_certificate ({names}) SELECT {expressions}"
                f" FROM generate_series(1, {SIZE}) AS n, registry_certificate AS t WHERE t.id = %s",
                [template.pk],
            )
            cursor.execute("DELETE FROM registry_certificate WHERE id = %s", [template.pk])
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE registry_certificate")
    print(f"Made {SIZE:,} certificates in {time.perf_counter() - started:.0f} s.")


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


def client_for(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def export(client, query: dict) -> tuple[int, int]:
    """The export's body read to the end: (bytes, lines)."""
    from django.urls import reverse

    response = client.get(reverse("register_export"), query)
    assert response.status_code == 200, response.status_code
    size = lines = 0
    for chunk in response.streaming_content if response.streaming else [response.content]:
        size += len(chunk)
        lines += chunk.count(b"\n")
    return size, lines


def copy_sql(user, query: dict) -> tuple[str, list]:
    """The export's own query, as the view builds it: the filter's queryset and the export's columns."""
    from registry.register.exports import certificate_export_query
    from registry.register.filters import RegisterFilter
    from registry.register.selectors import register_certificates, register_schools

    certificates = RegisterFilter(query, queryset=register_certificates(user), schools=register_schools(user)).qs
    return certificate_export_query(certificates).query.sql_with_params()


def copy(sql: str, params) -> tuple[int, int]:
    from django.db import connection

    connection.ensure_connection()
    size = lines = 0
    statement = f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, HEADER)"
    with connection.connection.cursor() as cursor, cursor.copy(statement, params) as stream:
        for chunk in stream:
            size += len(chunk)
            lines += bytes(chunk).count(b"\n")
    return size, lines


def time_exports(rounds: int) -> None:
    _school, _staff, coordinator = people()
    client = client_for(coordinator)
    sql, params = copy_sql(coordinator, {})
    export(client, {}), copy(sql, params)  # warm up: connection, translations, plans
    timings = {"export": [], "copy": []}
    for _round in range(rounds):
        for label, run in (("export", lambda: export(client, {})), ("copy", lambda: copy(sql, params))):
            started = time.perf_counter()
            size, lines = run()
            timings[label].append((time.perf_counter() - started) * 1000)
            if label == "export":
                export_size, export_lines = size, lines
            else:
                copy_size, copy_lines = size, lines
    export_ms, copy_ms = statistics.median(timings["export"]), statistics.median(timings["copy"])
    print(f"\nCSV of one school's certificates, {rounds} alternating rounds (median, min):")
    print(f"{'':<40} {'rows':>8} {'KiB':>7} {'median ms':>10} {'min ms':>8}")
    print(
        f"{'register export (HTTP, test client)':<40} {export_lines - 1:>8,} {export_size / 1024:>7.0f}"
        f" {export_ms:>10.1f} {min(timings['export']):>8.1f}"
    )
    print(
        f"{'COPY (same query) TO STDOUT (psycopg)':<40} {copy_lines - 1:>8,} {copy_size / 1024:>7.0f}"
        f" {copy_ms:>10.1f} {min(timings['copy']):>8.1f}"
    )
    print(f"export / COPY: {export_ms / copy_ms:.2f}x (target <= 2x)")


MEMORY_QUERIES = {
    100_000: {"issued_from": "2017-01-01", "issued_to": "2017-12-31"},  # 365 of 3,650 days: 100,000 rows
    1_000_000: {},
}


def memory_worker(rows: int, export_format: str) -> None:
    """One export in this fresh process; prints JSON with the peaks."""
    import resource
    import tracemalloc

    _school, staff, _coordinator = people()
    client = client_for(staff)
    export(client, {"number": "none"})  # warm up the request path with a tiny export
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    started = time.perf_counter()
    size, lines = export(client, {**MEMORY_QUERIES[rows], "format": export_format})
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {"lines": lines, "size": size, "peak": peak, "rss_growth": (rss_after - rss_before) * 1024, "s": seconds}
        )
    )


def measure_memory(sizes: list[int]) -> None:
    print("\nMemory of an export as it grows (each in a fresh process; times are under tracemalloc, not speed):")
    print(f"{'export':<8} {'rows asked':>10} {'lines':>10} {'MiB out':>8} {'Python peak':>12} {'RSS growth':>11}")
    cases = [("csv", size) for size in sizes] + [("xlsx", size) for size in sizes if size <= 100_000]
    for export_format, size in cases:
        command = [sys.executable, __file__, "--memory-worker", str(size), "--format", export_format]
        result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)  # noqa: S603
        if result.returncode:
            print(result.stderr[-2000:])
            continue
        data = json.loads(result.stdout.strip().splitlines()[-1])
        print(
            f"{export_format:<8} {size:>10,} {data['lines']:>10,} {data['size'] / 2**20:>8.1f}"
            f" {data['peak'] / 2**20:>8.1f} MiB {data['rss_growth'] / 2**20:>7.1f} MiB"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--memory", type=int, nargs="*", default=[100_000, 1_000_000], choices=list(MEMORY_QUERIES))
    parser.add_argument("--refill", action="store_true")
    parser.add_argument("--memory-worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--format", default="csv", help=argparse.SUPPRESS)
    options = parser.parse_args()
    setup()
    if options.memory_worker:
        memory_worker(options.memory_worker, options.format)
        return
    fill(options.refill)
    print(f"load average (1, 5 min): {os.getloadavg()[0]:.2f}, {os.getloadavg()[1]:.2f}")
    time_exports(options.rounds)
    if options.memory:
        measure_memory(options.memory)
    print(f"load average (1, 5 min) at the end: {os.getloadavg()[0]:.2f}, {os.getloadavg()[1]:.2f}")


if __name__ == "__main__":
    main()
