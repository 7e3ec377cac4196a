"""Benchmark: the dry run and the import of a 5,000-learner export on PostgreSQL, with time and memory.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wm_bench_import .venv/bin/python bench/import_learners.py
    ... bench/import_learners.py --rows 1000 --invitations

Creates the database when it is missing (and migrates it), then for each run a school of its own (so runs do
not meet each other's learners) with two programmes and a coordinator. It writes an export as a student
information system does (semicolons, a byte order mark, Dutch titles, diacritics, every field filled in) and
times, in one process, each step as the pages run it (placements.imports.steps):

- upload: reading the file and guessing its columns;
- dry run: every row's outcome (all "create"), nothing written;
- apply: checking every row again and writing them in one transaction (accounts, roles with their history,
  learner records), with --invitations also an invitation per new learner, its e-mail queued in the outbox
  (sent afterwards by the workers, not timed here);
- dry run and apply of the same file again: every row "unchanged", nothing written;
- the background job's dry run (placements.imports.job), which also reports progress every 250 rows.

For each step it prints the wall time, the number of queries and the process's peak resident size so far
(ru_maxrss); with --trace-memory also the peak of Python's allocations during the step (tracemalloc, which
makes the steps two to three times slower, so time and memory are best read from separate runs).
"""

import argparse
import importlib
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wm_bench_import")
os.environ.setdefault("LOG_LEVEL", "WARNING")

FIRST = ["Zoë", "Daniël", "Noëlle", "Çağla", "Björn", "Inés", "Sem", "Fenna", "Ruben", "Lotte", "Thijs", "Renée"]
LAST = ["Bakker", "van der Berg", "de Jong", "Öztürk", "Kuipers", "Martínez", "Visser", "el Amrani", "ter Horst"]
HEADER = (
    "Studentnummer;Roepnaam;Tussenvoegsel;Achternaam;E-mailadres;Geboortedatum;Opleiding;Cohort;"
    "Naam ouder/verzorger;E-mailadres ouder/verzorger;Telefoon ouder/verzorger"
)


def ensure_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin_url = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            print(f"Creating database {name}")
            connection.execute(f'CREATE DATABASE "{name}"')


def setup_django() -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def export(rows: int, run: str) -> bytes:
    lines = [HEADER]
    for n in range(rows):
        first, last = FIRST[n % len(FIRST)], LAST[n % len(LAST)]
        prefix, _space, family = last.rpartition(" ")
        lines.append(
            f"{run}{n:05d};{first};{prefix};{family};s{n}.{run}@student.bench.example;"
            f"{1 + n % 28:02d}-{1 + n % 12:02d}-{2006 + n % 4};{'25180' if n % 2 else 'Zelfstandig werkend kok'};"
            f"2025-2026;Ouder {family};ouder{n}.{run}@bench.example;06-{n:08d}"
        )
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode()


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(label: str, step, *, trace: bool):
    """Run the step; print its wall time, queries, and the process's peak resident size after it (and, with
    `trace`, the peak of Python's allocations during it: tracemalloc slows the step two- to threefold)."""
    from django.db import connection, reset_queries

    reset_queries()
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    value = step()
    seconds = time.perf_counter() - started
    traced = ""
    if trace:
        traced = f"  traced peak {tracemalloc.get_traced_memory()[1] / 1024 / 1024:6.1f} MB"
        tracemalloc.stop()
    print(
        f"{label:<42} {seconds:7.2f} s  {len(connection.queries):6d} queries  peak RSS {rss_mb():5.0f} MB{traced}",
        flush=True,
    )
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--invitations", action="store_true", help="invite every new learner on apply")
    parser.add_argument("--trace-memory", action="store_true", help="also the peak of Python's allocations per step")
    args = parser.parse_args()
    ensure_database(os.environ["DATABASE_URL"])
    setup_django()

    from django.conf import settings
    from django.test.utils import override_settings

    from accounts.models import Role, School
    from placements.imports import steps
    from placements.imports.job import import_run
    from placements.models import ImportBatch, LearnerRecord, Programme
    from tests.factories import UserFactory, grant

    settings.DEBUG = True  # connection.queries counts the queries
    # The invitation e-mails are sent by workers after the import; here they stay in the outbox, as when no
    # worker is listening (without a broker the outbox would otherwise send each one inside the timed step).
    importlib.import_module("core.outbox.enqueue").kick = lambda entry_id: None
    run = f"{int(time.time()) % 100000:05d}"
    school = School.objects.create(name=f"Bench school {run}", city="Leiden")
    Programme.objects.create(school=school, name="Medewerker bakkerij", code="25180")
    Programme.objects.create(school=school, name="Zelfstandig werkend kok", code="25181")
    coordinator = grant(UserFactory(email=f"coordinator.{run}@bench.example"), Role.COORDINATOR, school)
    data = export(args.rows, run)
    print(f"{args.rows} learners, {len(data) / 1024:.0f} KB; PostgreSQL {os.environ['DATABASE_URL'].rsplit('/', 1)[1]}")
    trace = args.trace_memory
    print(f"peak RSS before the first step {rss_mb():.0f} MB")

    def upload():
        return steps.upload(school=school, kind="learners", filename="export.csv", data=data, by=coordinator)

    def apply_now(batch):
        batch.send_invitations = args.invitations
        return steps.apply_now(batch)

    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        batch = measure("upload (read, guess columns)", upload, trace=trace)
        measure("dry run (all new)", lambda: steps.check_now(batch), trace=trace)
        assert batch.created == args.rows, batch.results[:3]
        label = "apply (all new, one transaction)" + (" + invitations" if args.invitations else "")
        measure(label, lambda: apply_now(batch), trace=trace)
        assert LearnerRecord.objects.filter(school=school).count() == args.rows
        again = steps.upload(school=school, kind="learners", filename="export.csv", data=data, by=coordinator)
        measure("dry run again (all unchanged)", lambda: steps.check_now(again), trace=trace)
        assert again.unchanged == args.rows
        measure("apply again (all unchanged)", lambda: apply_now(again), trace=trace)
        job = steps.upload(school=school, kind="learners", filename="export.csv", data=data, by=coordinator)
        ImportBatch.objects.filter(pk=job.pk).update(status=ImportBatch.Status.CHECKING)
        measure("background dry run (with progress)", lambda: import_run(batch_id=job.pk), trace=trace)


if __name__ == "__main__":
    main()
