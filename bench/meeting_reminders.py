"""Benchmark: the meeting reminder scan on 50,000 placements, and delivery through a real Celery worker.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/werkmentor_bench_meetings \
        .venv/bin/python bench/meeting_reminders.py

Creates the database when it is missing and fills it once (reused on later runs): 8 schools, 50,000 active
placements with their learners, mentors and supervisors. Every run then plans 10,000 meetings in the coming
week afresh (3 participants each, planned a month ago), so that one reminder per participant is due now, and
measures:

1. the first scan, which decides and records all ~30,000 due reminders and queues their delivery in batches
   to Redis (time and the number of queries, next to the same scan over a tenth of the meetings);
2. a second scan right after, which records nothing;
3. messages per second delivered by `celery -A config worker` (2 processes) to a minimal SMTP sink that this
   script runs on 127.0.0.1, once with the scan's batched tasks and once with one task per reminder.

Needs PostgreSQL and Redis (REDIS_URL, default redis://127.0.0.1:6379/14: a database of its own, because the
queue is purged). Options: --runs N (scans measured, default 5), --deliver N (messages, default 2000), --refill.
"""

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/werkmentor_bench_meetings")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/14")
os.environ.setdefault("DB_CONN_MAX_AGE", "600")
os.environ.setdefault("LOG_LEVEL", "WARNING")

PLACEMENTS = 50_000
MEETINGS = 10_000
SCHOOLS = 8
COMPANIES = 5_000
MENTORS = 8_000
SUPERVISORS = 1_000
QUIET = 0.01  # share of placements that started 12 weeks ago and never had a meeting: they get an alert
BATCH = 5_000
SEED = 20270322


# --- Set-up --------------------------------------------------------------------------------------------------


def ensure_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    with psycopg.connect(parsed._replace(path="/postgres").geturl(), autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            print(f"Creating database {name}")
            connection.execute(f'CREATE DATABASE "{name}"')


def setup_django() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("This benchmark needs PostgreSQL: set DATABASE_URL=postgres://...")
    call_command("migrate", verbosity=0)


def fill_people_and_placements(refill: bool) -> None:
    """Schools, companies, people and 50,000 active placements; kept between runs."""
    from django.db import connection, transaction

    from accounts.models import Company, School, User
    from meetings.models import MeetingSettings
    from placements.models import Placement, Programme

    if Placement.objects.count() == PLACEMENTS and not refill:
        print(f"Reusing {PLACEMENTS:,} placements.")
        return
    started = time.perf_counter()
    rng = random.Random(SEED)
    today = date.today()  # noqa: DTZ011 - dates for generated rows
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE placements_placement, accounts_user CASCADE")
        schools = [
            School.objects.get_or_create(name=f"Bench College {n}", defaults={"city": "Leiden"})[0]
            for n in range(SCHOOLS)
        ]
        for school in schools[: SCHOOLS // 2]:  # half the schools chose their own rules, the others keep the defaults
            MeetingSettings.objects.get_or_create(school=school)
        programmes = [Programme.objects.get_or_create(school=s, name="Medewerker bakkerij")[0] for s in schools]
        if Company.objects.filter(name__startswith="Bench ").count() < COMPANIES:
            Company.objects.bulk_create(
                [Company(name=f"Bench Company {n}", city="Utrecht", sector="Food") for n in range(COMPANIES)],
                batch_size=BATCH,
            )
        companies = list(Company.objects.filter(name__startswith="Bench ").values_list("pk", flat=True))

        def people(prefix, count):
            rows = [
                User(
                    email=f"{prefix}{n}@bench.example",
                    first_name=prefix.capitalize(),
                    last_name=str(n),
                    password="!",  # noqa: S106 - an unusable password: nobody signs in
                    language=rng.choice(["nl", "nl", "en"]),
                )
                for n in range(count)
            ]
            User.objects.bulk_create(rows, batch_size=BATCH)
            return list(User.objects.filter(email__startswith=prefix).order_by("pk").values_list("pk", flat=True))

        learners, mentors = people("learner", PLACEMENTS), people("mentor", MENTORS)
        supervisors = people("supervisor", SUPERVISORS)
        rows = []
        for n, learner in enumerate(learners):
            quiet = n < PLACEMENTS * QUIET
            start = today - timedelta(days=84 if quiet else rng.randrange(1, 60))
            school = n % SCHOOLS
            rows.append(
                Placement(
                    learner_id=learner,
                    school=schools[school],
                    programme=programmes[school],
                    company_id=rng.choice(companies),
                    mentor_id=rng.choice(mentors),
                    supervisor_id=supervisors[n % SUPERVISORS],
                    start_date=start,
                    end_date=start + timedelta(days=200),
                    hours_per_week=32,
                    status=Placement.Status.ACTIVE,
                )
            )
        Placement.objects.bulk_create(rows, batch_size=BATCH)
    people_count = len(learners) + MENTORS + SUPERVISORS
    print(f"Filled {PLACEMENTS:,} placements and {people_count:,} people in {time.perf_counter() - started:.0f} s")


def plan_meetings(now: datetime, count: int) -> None:
    """`count` meetings in the coming week, on recently started placements, planned a month ago."""
    from django.db import connection, transaction

    from meetings.models import Meeting, Participant
    from placements.models import Placement

    rng = random.Random(SEED + count)
    with transaction.atomic():
        with connection.cursor() as cursor:
            tables = "meetings_reminderlog, meetings_placementalert, meetings_notification, meetings_meeting"
            cursor.execute(f"TRUNCATE {tables} CASCADE")
        placements = list(
            Placement.objects.filter(start_date__gt=date.today() - timedelta(days=70))  # noqa: DTZ011
            .order_by("pk")
            .values_list("pk", "learner_id", "mentor_id", "supervisor_id")[:count]
        )
        meetings = []
        for placement_id, _learner, _mentor, supervisor in placements:
            starts_at = now + timedelta(minutes=rng.randrange(60, 7 * 24 * 60 - 10))  # still ahead when delivered
            meetings.append(
                Meeting(
                    placement_id=placement_id,
                    starts_at=starts_at.replace(second=0, microsecond=0),
                    organiser_id=supervisor,
                    status=rng.choice([Meeting.Status.CONFIRMED, Meeting.Status.CONFIRMED, Meeting.Status.PROPOSED]),
                    location="Werkplaats",
                )
            )
        Meeting.objects.bulk_create(meetings, batch_size=BATCH)
        Meeting.objects.update(created_at=now - timedelta(days=30))
        by_placement = {m.placement_id: m.pk for m in meetings}
        participants = [
            Participant(
                meeting_id=by_placement[pk],
                user_id=user,
                name=f"{role} {user}",
                email=f"{role}{user}@bench.example",
                role=role,
            )
            for pk, learner, mentor, supervisor in placements
            for user, role in ((learner, "learner"), (mentor, "mentor"), (supervisor, "supervisor"))
        ]
        Participant.objects.bulk_create(participants, batch_size=BATCH)
    with connection.cursor() as cursor:
        for table in ("meetings_meeting", "meetings_participant", "placements_placement", "accounts_user"):
            cursor.execute(f"VACUUM ANALYZE {table}")


# --- Measuring -----------------------------------------------------------------------------------------------


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def timed_scan(now):
    from django.db import connection

    from meetings.reminders.scan import scan

    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        started = time.perf_counter()
        counts = scan(now)
        elapsed = time.perf_counter() - started
    return elapsed * 1000, counter.count, counts


def purge_queue():
    from config.celery import app

    app.control.purge()


def reset_reminders():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE meetings_reminderlog, meetings_placementalert, meetings_notification")
    purge_queue()


def measure_scans(now, runs):
    from meetings.models import ReminderLog

    first, second = [], []
    for _ in range(runs):
        reset_reminders()
        first.append(timed_scan(now))
        second.append(timed_scan(now + timedelta(seconds=5)))
    recorded = ReminderLog.objects.count()
    return first, second, recorded


# --- The SMTP sink and the worker ------------------------------------------------------------------------------


class Sink:
    """A minimal SMTP server that accepts every message and counts it (Python 3.12 dropped smtpd)."""

    def __init__(self):
        self.received = 0
        self.loop = asyncio.new_event_loop()
        server = self.loop.run_until_complete(asyncio.start_server(self._session, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        threading.Thread(target=self.loop.run_forever, daemon=True).start()

    async def _session(self, reader, writer):
        writer.write(b"220 sink ESMTP\r\n")
        in_data = False
        while line := await reader.readline():
            if in_data:
                if line == b".\r\n":
                    in_data = False
                    self.received += 1
                    writer.write(b"250 2.0.0 queued\r\n")
                continue
            verb = line[:4].upper()
            if verb == b"EHLO":
                writer.write(b"250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
            elif verb == b"DATA":
                in_data = True
                writer.write(b"354 end with <CRLF>.<CRLF>\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 bye\r\n")
                await writer.drain()
                break
            else:  # HELO, MAIL, RCPT, RSET, NOOP
                writer.write(b"250 ok\r\n")
            await writer.drain()
        writer.close()


def start_worker(sink: Sink) -> subprocess.Popen:
    from config.celery import app

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": "bench-only-secret-key-that-is-long-enough-0123456789-abcdefghijklmnop",
        "DEBUG": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(sink.port),
    }
    command = [str(ROOT / ".venv/bin/celery"), "-A", "config", "worker", "--concurrency", "2", "--loglevel", "warning"]
    command += ["--without-gossip", "--without-mingle", "--without-heartbeat", "--hostname", f"bench-{os.getpid()}@%h"]
    worker = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603 - our own command line
    deadline = time.monotonic() + 60
    while not app.control.ping(timeout=0.5):
        if worker.poll() is not None or time.monotonic() > deadline:
            sys.exit("The Celery worker did not start.")
    return worker


def measure_delivery(now, sink: Sink, count: int, *, batched: bool) -> float:
    """Messages per second from queueing `count` due reminders until the sink has them all."""
    from django.db import connection

    from meetings.models import ReminderLog
    from meetings.reminders import tasks as reminder_tasks

    ids = list(ReminderLog.objects.order_by("pk").values_list("pk", flat=True)[:count])
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE meetings_notification")
    ReminderLog.objects.update(sent_at=now, queued_at=now)  # everything else counts as delivered
    ReminderLog.objects.filter(pk__in=ids).update(sent_at=None, queued_at=None, attempts=0)
    before = sink.received
    started = time.perf_counter()
    if batched:
        queued = timed_scan(now)[2]["queued"]  # the real path: the scan claims them and queues batches
        assert queued == count, queued
    else:
        from django.db import transaction

        from core.outbox import enqueue_many

        with transaction.atomic():  # through the outbox, as the app queues them; handed to the workers on commit
            enqueue_many(reminder_tasks.deliver_reminder, [(log_id,) for log_id in ids])
    deadline = time.monotonic() + 600
    while sink.received - before < count and time.monotonic() < deadline:
        time.sleep(0.02)
    elapsed = time.perf_counter() - started
    unsent = ReminderLog.objects.filter(sent_at__isnull=True).count()
    assert sink.received - before == count and unsent == 0, (sink.received - before, unsent)
    return count / elapsed


def summary(label, results):
    times = [r[0] for r in results]
    queries = sorted({r[1] for r in results})
    return f"{label}: median {statistics.median(times):.0f} ms, max {max(times):.0f} ms, queries {queries}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--deliver", type=int, default=2000)
    parser.add_argument("--refill", action="store_true")
    args = parser.parse_args()

    ensure_database(os.environ["DATABASE_URL"])
    setup_django()
    from django.conf import settings
    from django.utils import timezone

    if not settings.REDIS_URL:
        sys.exit("This benchmark needs Redis: set REDIS_URL=redis://...")
    fill_people_and_placements(args.refill)
    now = timezone.now()

    plan_meetings(now, MEETINGS // 10)
    small_first, small_second, small_recorded = measure_scans(now, 2)
    plan_meetings(now, MEETINGS)
    first, second, recorded = measure_scans(now, args.runs)
    print(f"\n{MEETINGS:,} meetings in the coming week, {3 * MEETINGS:,} participants, {PLACEMENTS:,} placements")
    print(summary(f"First scan ({recorded:,} reminders recorded and queued)", first))
    print(f"    counts: {first[-1][2]}")
    print(summary("Second scan right after (records nothing)", second))
    print(f"    counts: {second[-1][2]}")
    print(
        summary(
            f"For comparison, first scan of {MEETINGS // 10:,} meetings ({small_recorded:,} reminders)", small_first
        )
    )
    print(summary("  and its second scan", small_second))

    purge_queue()
    sink = Sink()
    worker = start_worker(sink)
    try:
        batched = measure_delivery(now, sink, args.deliver, batched=True)
        single = measure_delivery(now, sink, args.deliver, batched=False)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    print(f"\nDelivery of {args.deliver:,} reminders through the worker (2 processes) to the SMTP sink:")
    print(f"  batches of 100 over one SMTP connection (what the scan queues): {batched:.0f} messages/s")
    print(f"  one task and one SMTP connection per reminder:                 {single:.0f} messages/s")


if __name__ == "__main__":
    main()
