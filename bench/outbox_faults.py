"""Benchmark: the outbox under real faults on a production-like stack. Nothing lost, nothing sent twice.

    .venv/bin/python bench/outbox_faults.py            # about 13 minutes; --smtp-outage, --refusal, --bulk

Starts, with production settings (DEBUG off, static files collected): a PostgreSQL database of its own
(wm_bench_outbox, made afresh and migrated; BENCH_DATABASE_URL to change), a Redis of its own (append-only,
fsync every second, as in docker-compose.yml), an SMTP sink, gunicorn with 2 processes, 2 Celery workers
(prefork, 2 processes each) and Celery beat, whose relay runs every minute. Then, one after the other, each
scenario logs in over HTTP as a teacher (or asks for a password reset as a visitor) while it injects a fault:

1. redis stopped: Redis is away while certificates are issued, meetings planned (3 invitations each) and
   password resets asked; every page must still answer 302; then Redis starts again.
2. redis killed: both workers stopped, certificates issued (their tasks wait in Redis), kill -9 to Redis,
   Redis and the workers started again; once more with Redis's files deleted before it starts (the tasks
   are gone, as with a Redis that keeps nothing on disk), so the relay must send them.
3. worker killed mid bulk job: a course's certificates issued in bulk; the worker running it gets SIGKILL
   (with its pool processes) once some are issued and is started again; the outbox resumes the run.
4. smtp down: the mail server is away for minutes while certificates are issued and resets asked.
5. one recipient refused: the employer's admin is refused (550) for a while; the holders are not.

After each it waits until the outbox is idle and every expected message arrived (or a time limit), then
counts what the sink received per recipient and subject, and prints: scenario, messages expected, sent,
lost, duplicated, and how long after the fault ended the last one arrived.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.outbox_stack import Browser, beat, gunicorn  # noqa: E402
from tests.faults.services import CeleryWorker, RedisServer, wait_until  # noqa: E402
from tests.faults.smtp_sink import SmtpSink, free_port  # noqa: E402

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wm_bench_outbox")
PASSWORD = "correct horse battery"  # noqa: S105 - tests/factories.py UserFactory's
GRACE_SECONDS = 5  # after everything arrived: a late second copy would show up now


def stack_env(folder: Path, redis: RedisServer, sink: SmtpSink, web_port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CELERY_", "PYTEST_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="false",
        SECRET_KEY="bench-outbox-faults-secret-key-long-enough-for-django-0123456789abcdef",  # noqa: S106
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"http://127.0.0.1:{web_port}",
        DATABASE_URL=DATABASE_URL,
        REDIS_URL=redis.url,
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(sink.port),
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SECURE_HSTS_SECONDS="0",
        STATIC_ROOT=str(folder / "static"),
        # Shorter than production (a minute, then hours), so that retries happen within the run.
        OUTBOX_RETRY_DELAYS="20,30,60,60,120,300,600,1200",
        OUTBOX_LEASE_SECONDS="30",
        BULK_JOB_STALLED_SECONDS="20",
        RATE_LIMIT_PASSWORD_RESET="1000",  # noqa: S106 - all resets come from 127.0.0.1
        LOG_LEVEL="INFO",
    )
    return env


def fresh_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    with psycopg.connect(parsed._replace(path="/postgres").geturl(), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


# --- Counting ------------------------------------------------------------------------------------------------


@dataclass
class Result:
    scenario: str
    expected: int
    sent: int
    lost: int
    duplicated: int
    seconds: float | None
    note: str = ""


def count(sink: SmtpSink, expected: list[tuple[str, str]]) -> tuple[int, int, int]:
    received = sink.received()
    copies = [sum(1 for m in received if m.recipient == r.lower() and marker in m.subject) for r, marker in expected]
    return sum(copies), sum(1 for c in copies if c == 0), sum(max(c - 1, 0) for c in copies)


def settle(scenario: str, sink: SmtpSink, expected, since: float, *, timeout: float, note: str = "") -> Result:
    """Wait until every expected message arrived and the outbox is idle, then count (after a grace period)."""
    from core.outbox.models import OutboxEntry

    busy = [OutboxEntry.Status.PENDING, OutboxEntry.Status.SENDING]
    done_at = None
    try:
        wait_until(
            lambda: count(sink, expected)[1] == 0 and not OutboxEntry.objects.filter(status__in=busy).exists(),
            timeout=timeout,
            interval=0.5,
            what=scenario,
        )
        done_at = time.monotonic()
    except AssertionError as error:
        note = f"{note}; {error}"
    time.sleep(GRACE_SECONDS)
    sent, lost, duplicated = count(sink, expected)
    seconds = None if done_at is None else done_at - since
    return Result(scenario, len(expected), sent, lost, duplicated, seconds, note)


# --- The data (ORM) and the pages (HTTP) -----------------------------------------------------------------------


def make_world() -> SimpleNamespace:
    from accounts.models import Role
    from tests.factories import CompanyFactory, ProgrammeFactory, SchoolFactory, person

    school = SchoolFactory(name="Bench Vakcollege")
    company = CompanyFactory(name="Bench Bakkerij")
    return SimpleNamespace(
        school=school,
        company=company,
        programme=ProgrammeFactory(school=school),
        supervisor=person(Role.TEACHER, school, email="teacher@bench.example", first_name="Ingrid"),
        company_admin=person(Role.COMPANY_ADMIN, company, email="admin@bench.example"),
    )


def completed_enrolments(world, tag: str, number: int):
    from tests.registry.factories_certificates import certificate_course, enrol_completed, participant

    course = certificate_course(world, title=f"Bench {tag}")
    people = [participant(world, first_name=f"{tag}{n}", last_name="Bench") for n in range(number)]
    return course, [enrol_completed(course, someone, world.company) for someone in people]


def issue(teacher: Browser, course, enrolments) -> list[tuple[str, str]]:
    """Issue each certificate through its page; the holder's and the employer admin's message are expected."""
    from django.urls import reverse

    from registry.models import Certificate

    expected = []
    for enrolment in enrolments:
        status = teacher.post(reverse("certificate_issue", args=[course.pk, enrolment.pk]))
        assert status == 302, f"issuing answered {status}"
        certificate = Certificate.objects.get(enrolment=enrolment)
        expected += [(certificate.holder_email, certificate.number), ("admin@bench.example", certificate.number)]
    return expected


def plan_meetings(teacher: Browser, world, tag: str, number: int) -> list[tuple[str, str]]:
    from django.urls import reverse

    from accounts.models import Role
    from meetings.models import Meeting
    from tests.factories import make_placement, person
    from tests.meetings.factories_meetings import plan_data

    expected = []
    for n in range(number):
        learner = person(Role.LEARNER, world.school, first_name=f"{tag}Leerling{n}", last_name="Bench")
        placement = make_placement(
            school=world.school, company=world.company, learner=learner, supervisor=world.supervisor
        )
        status = teacher.post(reverse("meeting_new", args=[placement.pk]), plan_data())
        assert status == 302, f"planning answered {status}"
        meeting = Meeting.objects.get(placement=placement)
        expected += [(email, learner.get_full_name()) for email in meeting.participants.values_list("email", flat=True)]
    return expected


def ask_resets(visitor: Browser, tag: str, number: int) -> list[tuple[str, str]]:
    from django.urls import reverse

    from tests.factories import UserFactory

    expected = []
    for n in range(number):
        user = UserFactory(email=f"reset-{tag.lower()}{n}@bench.example")
        status = visitor.post(reverse("password_reset"), {"email": user.email})
        assert status == 302, f"password reset answered {status}"
        expected.append((user.email, ""))  # the only message this person gets
    return expected


# --- The scenarios -------------------------------------------------------------------------------------------------


def redis_stopped(stack, world, args) -> Result:
    stack.redis.stop()
    down_since = time.monotonic()
    course, enrolments = completed_enrolments(world, "RS", 5)
    stack.teacher.timings.clear()
    expected = issue(stack.teacher, course, enrolments) + plan_meetings(stack.teacher, world, "RS", 2)
    expected += ask_resets(stack.visitor, "RS", 3)
    slowest = max(stack.teacher.timings + stack.visitor.timings[-3:])
    time.sleep(max(0.0, 10 - (time.monotonic() - down_since)))  # away for at least 10 s
    stack.redis.start()
    note = f"Redis away {time.monotonic() - down_since:.0f} s; every page 302, slowest {slowest:.2f} s"
    return settle("redis stopped", stack.sink, expected, time.monotonic(), timeout=240, note=note)


def redis_killed(stack, world, args, *, data_lost: bool = False) -> Result:
    for worker in stack.workers:
        worker.stop()
    tag = "RL" if data_lost else "RK"
    course, enrolments = completed_enrolments(world, tag, 5)
    expected = issue(stack.teacher, course, enrolments)
    queued = stack.redis.queue_length()
    stack.redis.kill()
    killed_at = time.monotonic()
    if data_lost:  # its disk is gone too (or it never had one, as a Redis that keeps nothing on disk)
        shutil.rmtree(stack.redis.directory / "appendonlydir", ignore_errors=True)
    stack.redis.start()
    survived = stack.redis.queue_length()
    for worker in stack.workers:
        worker.start()
    note = f"{survived} of {queued} queued tasks survived kill -9" + (" and the loss of its files" if data_lost else "")
    scenario = "redis killed, files lost" if data_lost else "redis killed"
    return settle(scenario, stack.sink, expected, killed_at, timeout=240, note=note)


def redis_killed_files_lost(stack, world, args) -> Result:
    return redis_killed(stack, world, args, data_lost=True)


def worker_killed_mid_bulk_job(stack, world, args) -> Result:
    from django.db.models import Count
    from django.urls import reverse

    from registry.models import BulkIssueJob, Certificate

    course, enrolments = completed_enrolments(world, "WK", args.bulk)
    assert stack.teacher.post(reverse("certificate_bulk_issue", args=[course.pk])) == 302
    certificates = Certificate.objects.filter(course=course)
    wait_until(lambda: certificates.count() >= min(10, args.bulk // 4), timeout=120, interval=0.05, what="bulk start")
    running = "run_bulk_issue"
    victim = next(w for w in stack.workers if running in w.log.read_text(errors="replace"))
    victim.kill()
    killed_at = time.monotonic()
    issued_at_kill = certificates.count()
    victim.start()  # as a process supervisor would
    job = BulkIssueJob.objects.get(course=course)
    wait_until(
        lambda: BulkIssueJob.objects.filter(pk=job.pk, status=BulkIssueJob.Status.DONE).exists(),
        timeout=300,
        interval=1,
        what="the bulk job to resume and finish",
    )
    job.refresh_from_db()
    per_enrolment = set(certificates.values("enrolment").annotate(n=Count("pk")).values_list("n", flat=True))
    assert (job.issued, certificates.count(), per_enrolment) == (args.bulk, args.bulk, {1}), (job, per_enrolment)
    expected = [
        pair
        for number, holder in certificates.values_list("number", "holder_email")
        for pair in ((holder, number), ("admin@bench.example", number))
    ]
    note = f"{issued_at_kill} of {args.bulk} issued at the kill; job done, {job.issued} issued, each enrolment once"
    return settle("worker killed mid bulk job", stack.sink, expected, killed_at, timeout=300, note=note)


def smtp_down(stack, world, args) -> Result:
    from core.outbox.models import OutboxEntry

    stack.sink.down()
    course, enrolments = completed_enrolments(world, "SD", 5)
    expected = issue(stack.teacher, course, enrolments) + ask_resets(stack.visitor, "SD", 3)
    time.sleep(args.smtp_outage)
    failed_attempts = sum(OutboxEntry.objects.filter(status="pending").values_list("attempts", flat=True))
    stack.sink.up()
    note = f"mail server away {args.smtp_outage} s, {failed_attempts} failed attempts, none parked"
    return settle(f"smtp down {args.smtp_outage} s", stack.sink, expected, time.monotonic(), timeout=400, note=note)


def one_recipient_refused(stack, world, args) -> Result:
    stack.sink.refuse("admin@bench.example")
    course, enrolments = completed_enrolments(world, "OR", 3)
    expected = issue(stack.teacher, course, enrolments)
    time.sleep(args.refusal)
    refusals = stack.sink.refusals
    stack.sink.accept_all()
    note = f"employer admin refused for {args.refusal} s ({refusals} refusals); holders not"
    return settle("one recipient refused", stack.sink, expected, time.monotonic(), timeout=400, note=note)


SCENARIOS = [
    redis_stopped,
    redis_killed,
    redis_killed_files_lost,
    worker_killed_mid_bulk_job,
    smtp_down,
    one_recipient_refused,
]


def print_table(results: list[Result]) -> None:
    print(f"\n{'scenario':<28} {'expected':>8} {'sent':>6} {'lost':>5} {'duplicated':>10} {'all out after':>13}  notes")
    for r in results:
        after = f"{r.seconds:.0f} s" if r.seconds is not None else "not all"
        print(f"{r.scenario:<28} {r.expected:>8} {r.sent:>6} {r.lost:>5} {r.duplicated:>10} {after:>13}  {r.note}")
    total = [sum(getattr(r, name) for r in results) for name in ("expected", "sent", "lost", "duplicated")]
    print(f"{'total':<28} {total[0]:>8} {total[1]:>6} {total[2]:>5} {total[3]:>10}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smtp-outage", type=int, default=120, help="seconds the mail server is away")
    parser.add_argument("--refusal", type=int, default=90, help="seconds the employer's admin is refused")
    parser.add_argument("--bulk", type=int, default=60, help="participants of the bulk job")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="wm-bench-outbox-"))
    (folder / "redis").mkdir()
    redis = RedisServer(folder / "redis", appendonly=True, appendfsync="everysec")
    sink, web_port = SmtpSink(), free_port()
    env = stack_env(folder, redis, sink, web_port)
    os.environ.update(env)
    fresh_database(DATABASE_URL)

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    world = make_world()

    stack = SimpleNamespace(redis=redis, sink=sink)
    stack.workers = [CeleryWorker(folder, env, name=f"worker{n}", pool="prefork", concurrency=2) for n in (1, 2)]
    services = [gunicorn(env, folder, web_port), beat(env, folder)]
    print(f"Logs and Redis data in {folder}")
    results = []
    try:
        redis.start()
        sink.up()
        for service in [*services, *stack.workers]:
            service.start()
        base = f"http://127.0.0.1:{web_port}"
        stack.teacher, stack.visitor = Browser(base), Browser(base)
        from django.urls import reverse

        stack.teacher.log_in(reverse("login"), "teacher@bench.example", PASSWORD)
        for scenario in SCENARIOS:
            started = time.monotonic()
            results.append(scenario(stack, world, args))
            print(f"{results[-1].scenario}: done in {time.monotonic() - started:.0f} s", flush=True)
    finally:
        for service in [*stack.workers, *services]:
            service.stop()
        redis.stop()
        sink.down()
    print_table(results)
    from core.outbox.models import OutboxEntry

    counts = {status: OutboxEntry.objects.filter(status=status).count() for status in OutboxEntry.Status.values}
    print(f"outbox entries at the end: {counts}")


if __name__ == "__main__":
    main()
