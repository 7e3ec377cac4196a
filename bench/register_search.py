"""Benchmark: the register search page against Django admin's changelist search, over the same 100,000 rows.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/werkmentor_bench python bench/register_search.py

Creates the database when it is missing (reuses it, and its rows, when it is there), fills 100,000
certificates across 20,000 companies and 8 schools, then requests typical searches in-process with Django's
test client as a signed-in staff member and as one school's coordinator. It prints p50/p95 of the whole
request (middleware, session, queries, template) and the queries each page ran, next to the admin changelist
over the same rows (and the same indexes). The register's indexes (SEARCH_INDEXES below) come from the
registry migrations; the script creates any that are missing under the same names, then runs VACUUM ANALYZE.

Options: --runs N (requests per search, default 40), --admin-runs N (default 12), --refill (drop and refill
the rows), --without-search-indexes (measure without the register's indexes).
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/werkmentor_bench")
os.environ.setdefault("DB_CONN_MAX_AGE", "600")

CERTIFICATES = 100_000
COMPANIES = 20_000
SCHOOLS = 8
BATCH = 5_000
SEED = 20260101

# The register's indexes (see the README's "Register benchmark"), as registry migrations 0002 and 0003 create
# them: the trigram indexes are on werkmentor_fold(column), the accent- and case-blind form a search compares
# (registry/register/search.py; the function comes from migration 0003). --without-search-indexes drops them, and the
# next run creates any that are missing again, under the same names.
_TRGM = "CREATE INDEX {} ON registry_certificate USING gin (werkmentor_fold(%s) gin_trgm_ops)"
SEARCH_INDEXES = {
    "certificate_number_fold_trgm": _TRGM % "number",
    "certificate_holder_fold_trgm": _TRGM % "holder_name",
    "certificate_company_fold_trgm": _TRGM % "company_name",
    "certificate_city_fold_trgm": _TRGM % "company_city",
    "certificate_issued_id": "CREATE INDEX {} ON registry_certificate (issued_on, id)",
    "certificate_school_valid": "CREATE INDEX {} ON registry_certificate (school_id, valid_until)",
}


def _words(text: str, separator: str = " ") -> list[str]:
    return text.split(separator)


FIRST_NAMES = _words(
    "Anna Bram Daan Emma Fatima Femke Jan Joris Julia Kees Lars Lotte Marieke Mehmet Noah Noor Pieter "
    "Ruud Sanne Sem Sophie Thijs Tim Vera Wim Yara Zoë Ahmed Anouk Bas Carmen Dirk Eva Fleur Hanna "
    "Ingrid Jesse Karin Luuk Maarten Nadia Olga Paul Rik Saskia Tess Umut Vincent Willem"
)
LAST_NAMES = _words(
    "Jansen|de Jong|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|"
    "de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|"
    "van der Meer|van der Linden|Kok|Jacobs|de Haan|Vermeulen|van den Heuvel|van der Veen|van den Broek|"
    "de Bruijn|de Bruin|van der Heijden|Schouten|van Beek|Willems|van Vliet|van de Ven|Hoekstra|Maas|"
    "Verhoeven|Koster|van Dam|van der Wal|Prins|Blom|Huisman|Peeters|Claes|Maes|Wouters|Goossens|Müller|"
    "Schmidt|Schneider|Fischer|Weber|Becker|García|Martínez|López|Yılmaz|Kaya|El Amrani|Bouzid|Nguyen|"
    "Kowalski|Nowak|Rossi|Dubois|Lambert|Martin|Bernard",
    "|",
)
CITIES = {
    "NL": _words(
        "Amsterdam|Rotterdam|Utrecht|Leiden|Groningen|Eindhoven|Tilburg|Almere|Breda|Nijmegen|Apeldoorn|Haarlem|"
        "Arnhem|Enschede|Amersfoort|Zaanstad|Zwolle|Zoetermeer|Maastricht|Dordrecht|Delft|Alkmaar|Venlo|Deventer|"
        "Hilversum|Gouda|Den Bosch|Emmen|Lelystad|Hoorn",
        "|",
    ),
    "BE": _words("Antwerpen Gent Brugge Leuven Mechelen Hasselt Brussel Kortrijk Aalst Genk"),
    "DE": _words("Münster Köln Düsseldorf Aachen Essen Bremen Hamburg Oldenburg"),
    "ES": _words("Málaga Valencia Barcelona Sevilla Alicante"),
}
SECTORS = _words(
    "Food production|Care and welfare|Technical installation|Hospitality|Automotive|Logistics|Retail|"
    "Construction|ICT|Childcare|Agriculture|Finance",
    "|",
)
COMPANY_WORDS = _words(
    "Bakkerij|Zorgcentrum|Installatietechniek|Hotel|Garage|Transport|Bouwbedrijf|Kinderopvang|Supermarkt|"
    "Restaurant|Techniek|Logistiek|Autobedrijf|Kwekerij|Drukkerij|Adviesbureau",
    "|",
)


def ensure_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin_url = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            print(f"Creating database {name}")
            connection.execute(f'CREATE DATABASE "{name}"')


def setup_django() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import DEFAULT_DB_ALIAS, connection
    from django.db.migrations.executor import MigrationExecutor

    if connection.vendor != "postgresql":
        sys.exit("This benchmark needs PostgreSQL: set DATABASE_URL=postgres://...")
    # A migration that adds or replaces these indexes must be able to run, so drop them before migrating.
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        with connection.cursor() as cursor:
            for name in SEARCH_INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
    call_command("migrate", verbosity=0, database=DEFAULT_DB_ALIAS)


def prepare_indexes(without_search_indexes: bool) -> None:
    """Create the register's indexes when missing (or drop them), then bring the statistics up to date."""
    from django.db import connection

    with connection.cursor() as cursor:
        if without_search_indexes:
            for name in SEARCH_INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
        else:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            for name, sql in SEARCH_INDEXES.items():
                cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [name])
                if cursor.fetchone() is None:
                    print(f"Creating index {name}")
                    cursor.execute(sql.format(name))
        # VACUUM merges the GIN indexes' pending lists (rows inserted since the index was built) and ANALYZE
        # gathers statistics on the indexed expressions; autovacuum does both on a live database.
        cursor.execute("VACUUM ANALYZE registry_certificate")


def fill(refill: bool) -> None:
    from django.db import transaction

    from accounts.models import Company, School
    from registry.certificates.numbering import format_number
    from registry.models import Certificate, CertificateNumberSequence

    if Certificate.objects.count() == CERTIFICATES and not refill:
        print(f"Reusing {CERTIFICATES:,} certificates.")
        return
    started = time.perf_counter()
    rng = random.Random(SEED)
    with transaction.atomic():
        Certificate.objects.all().delete()
        CertificateNumberSequence.objects.all().delete()
        schools = [
            School.objects.get_or_create(name=f"Bench College {n}", defaults={"city": "Utrecht"})[0]
            for n in range(1, SCHOOLS + 1)
        ]
        if Company.objects.filter(name__startswith="Bench ").count() != COMPANIES:
            Company.objects.filter(name__startswith="Bench ", placements__isnull=True).delete()
            rows = []
            for n in range(COMPANIES):
                country = rng.choices(list(CITIES), weights=[80, 10, 7, 3])[0]
                rows.append(
                    Company(
                        name=f"Bench {rng.choice(COMPANY_WORDS)} {rng.choice(LAST_NAMES)} {n}",
                        city=rng.choice(CITIES[country]),
                        country=country,
                        sector=rng.choice(SECTORS),
                        accreditation_status=Company.Accreditation.PENDING,
                    )
                )
            Company.objects.bulk_create(rows, batch_size=BATCH)
        companies = list(Company.objects.filter(name__startswith="Bench ").values_list("pk", "name", "city", "country"))
        today = date.today()  # noqa: DTZ011 - a date range for generated rows
        first_day = date(2015, 1, 1)
        span = (today - first_day).days
        issued = sorted(first_day + timedelta(days=rng.randrange(span)) for _ in range(CERTIFICATES))
        sequences: dict[int, int] = {}
        batch = []
        for issued_on in issued:
            sequences[issued_on.year] = sequences.get(issued_on.year, 0) + 1
            company_id, company_name, city, country = rng.choice(companies)
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            revoked = rng.random() < 0.02
            batch.append(
                Certificate(
                    number=format_number(issued_on.year, sequences[issued_on.year]),
                    holder_name=f"{first} {last}",
                    holder_email=f"{first}.{last}.{len(batch)}@example.org".lower().replace(" ", ""),
                    company_id=company_id,
                    company_name=company_name,
                    company_city=city,
                    company_country=country,
                    school=rng.choice(schools),
                    issued_on=issued_on,
                    valid_until=issued_on + timedelta(days=3 * 365),
                    revoked_at=None if not revoked else _aware(issued_on + timedelta(days=200)),
                    revocation_reason="Issued by mistake." if revoked else "",
                )
            )
            if len(batch) == BATCH:
                Certificate.objects.bulk_create(batch)
                batch = []
        Certificate.objects.bulk_create(batch)
        CertificateNumberSequence.objects.bulk_create(
            [CertificateNumberSequence(year=year, last=last) for year, last in sequences.items()]
        )
        _people(schools[0])
    print(f"Filled {CERTIFICATES:,} certificates and {COMPANIES:,} companies in {time.perf_counter() - started:.0f} s")


def _aware(day):
    from datetime import datetime, time

    from django.utils import timezone

    return datetime.combine(day, time(12), tzinfo=timezone.get_current_timezone())


def _people(school):
    from accounts.models import Membership, Role, User

    staff, _ = User.objects.get_or_create(
        email="bench.staff@example.org",
        defaults={"first_name": "Bench", "last_name": "Staff", "is_staff": True, "is_superuser": True},
    )
    coordinator, _ = User.objects.get_or_create(
        email="bench.coordinator@example.org", defaults={"first_name": "Bench", "last_name": "Coordinator"}
    )
    Membership.objects.get_or_create(user=coordinator, role=Role.COORDINATOR, school=school)
    return staff, coordinator


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(client, url, runs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):  # warm the caches of this URL's plan and templates
        assert client.get(url).status_code == 200, url
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    # The session and the signed-in user are read on every page of the site, whatever it shows.
    own = [
        q
        for q in captured.captured_queries
        if "django_session" not in q["sql"] and 'FROM "accounts_user"' not in q["sql"]
    ]
    return statistics.median(timings), percentile(timings, 0.95), len(own), len(captured.captured_queries)


def scenarios():
    from registry.models import Certificate

    number = Certificate.objects.order_by("pk").values_list("number", flat=True)[CERTIFICATES // 3]
    rare = Certificate.objects.order_by("pk").values_list("company_name", flat=True)[CERTIFICATES // 2].split()[-1]
    return [
        ("browse, page 1", {}, {}),
        ("browse, page 50", {"page": 50}, {"p": 50}),
        ("name search 'jansen'", {"q": "jansen"}, {"q": "jansen"}),
        ("name search 'sanne visser'", {"q": "sanne visser"}, {"q": "sanne visser"}),
        ("city filter 'Utrecht'", {"city": "Utrecht"}, {"q": "Utrecht"}),
        # Accent-blind: 'yilmaz' finds Yılmaz and 'malaga' Málaga; the admin's search finds neither.
        ("name search 'yilmaz' (Yılmaz)", {"q": "yilmaz"}, {"q": "yilmaz"}),
        ("city filter 'malaga' (Málaga)", {"city": "malaga"}, {"q": "malaga"}),
        (
            "status valid + country BE",
            {"status": "valid", "country": "BE"},
            {"company_country__exact": "BE", "revoked_at__isempty": "1"},
        ),
        (f"number lookup {number}", {"q": number}, {"q": number}),
        (f"rare text '{rare}' (company no.)", {"q": f"bench {rare}"}, {"q": f"bench {rare}"}),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--admin-runs", type=int, default=12)
    parser.add_argument("--refill", action="store_true")
    parser.add_argument("--without-search-indexes", action="store_true")
    options = parser.parse_args()

    ensure_database(os.environ["DATABASE_URL"])
    setup_django()
    fill(options.refill)
    prepare_indexes(options.without_search_indexes)

    from django.test import Client
    from django.urls import reverse

    from accounts.models import School, User

    staff, coordinator = _people(School.objects.get(name="Bench College 1"))
    staff_client, coordinator_client = Client(), Client()
    staff_client.force_login(staff)
    coordinator_client.force_login(User.objects.get(pk=coordinator.pk))
    register_url, admin_url = reverse("register"), reverse("admin:registry_certificate_changelist")

    def url(base, params):
        return f"{base}?{urlencode(params)}" if params else base

    print(
        f"\nPostgreSQL, {CERTIFICATES:,} certificates, {COMPANIES:,} companies; times in ms per request "
        f"(register n={options.runs}, admin n={options.admin_runs}); queries = own (all incl. session+user)\n"
    )
    columns = ["search", "register p50", "register p95", "queries", "admin p50", "admin p95", "admin queries"]
    print("| " + " | ".join([*columns, "speed-up p50/p95"]) + " |")
    print("|" + "---|" * 8)
    worst = {"browse p95": 0.0, "search p95": 0.0, "queries": 0, "speed-up": float("inf")}
    for label, ours, theirs in scenarios():
        p50, p95, own, total = measure(staff_client, url(register_url, ours), options.runs)
        a50, a95, a_own, a_total = measure(staff_client, url(admin_url, theirs), options.admin_runs)
        print(
            f"| {label} | {p50:.1f} | {p95:.1f} | {own} ({total}) | {a50:.0f} | {a95:.0f} | {a_own} ({a_total}) "
            f"| {a50 / p50:.0f}× / {a95 / p95:.0f}× |"
        )
        kind = "search p95" if "q" in ours or "city" in ours else "browse p95"
        worst[kind] = max(worst[kind], p95)
        worst["queries"] = max(worst["queries"], own)
        if kind == "search p95":  # the admin's search box: a text search over the snapshot columns
            worst["speed-up"] = min(worst["speed-up"], a50 / p50)
    floor50, floor95, floor_own, floor_total = measure(staff_client, reverse("my_account"), options.runs)
    print(
        f"\nFor reference, a plain signed-in page of the site (my account): p50 {floor50:.1f} ms, "
        f"p95 {floor95:.1f} ms, {floor_own} ({floor_total}) queries."
    )
    print(
        f"Worst cases: browsing and filtering p95 {worst['browse p95']:.1f} ms (target < 10), text searches p95 "
        f"{worst['search p95']:.1f} ms (target < 20), {worst['queries']} queries besides session and user "
        f"(target <= 4), text searches faster than the admin's search at p50 by at least {worst['speed-up']:.0f}×."
    )
    print("\nThe same searches as one school's coordinator (their school's ~1/8 of the register):\n")
    print("| search | p50 | p95 | queries |")
    print("|---|---|---|---|")
    for label, ours, _theirs in scenarios():
        p50, p95, own, total = measure(coordinator_client, url(register_url, ours), options.runs)
        print(f"| {label} | {p50:.1f} | {p95:.1f} | {own} ({total}) |")


if __name__ == "__main__":
    main()
