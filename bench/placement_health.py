"""Benchmark: placement health at 20,000 active placements of one school, on PostgreSQL.

    .venv/bin/python bench/placement_health.py              # fill once, then time
    .venv/bin/python bench/placement_health.py --runs 40 --refill

Its own database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/wm_bench_health), filled once
and reused by later runs (--refill makes it again): one school with 20,000 active placements at 2,000 companies,
4,000 work mentors (80 % with a valid certificate, 10 % expired, 10 % none), 200 supervisors and 20 programmes;
per placement 5 coaching sessions, 20 hours entries, 2 tripartite meetings with minutes (a third unconfirmed), a
coaching plan with 2 goals and the mentoring agreement (90 % accepted); an assessment waiting for a signature on
a quarter, an open incident on one in twenty (escalated on one in a hundred). Users, companies and placements
are bulk-created; the child tables are filled by INSERT ... SELECT over the placements.

It times:
- recomputing every placement's health (oversight.health.compute.refresh_all: the fact query, the checks, the
  upsert of 20,000 rows, today's snapshot and the table's VACUUM ANALYZE), three times;
- the coordinator's overview through the whole Django request (test client: middleware, session, filters,
  template) for its first page, filters and sorts, alternating the scenarios request by request, p50 / p95 in
  ms, with the number of queries of each (the same for every run).
"""

# ruff: noqa: S608 - the SQL is the benchmark's own text; every value from outside is a parameter

import argparse
import os
import statistics
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = "postgres://postgres@127.0.0.1:5432/wm_bench_health"
PLACEMENTS = 20_000
COMPANIES = 2_000
MENTORS = 4_000
SUPERVISORS = 200
PROGRAMMES = 20
SCHOOL = "Bench Health College"


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


def _users(prefix: str, count: int):
    from django.contrib.auth.hashers import make_password

    from accounts.models import User

    UNUSABLE = make_password(None)  # noqa: N806 - nobody logs in as these people
    users = [
        User(email=f"{prefix}{n}@bench.example", first_name=f"{prefix.title()}{n}", last_name=f"Achternaam{n % 977}",
             password=UNUSABLE)
        for n in range(count)
    ]  # fmt: skip
    return User.objects.bulk_create(users, batch_size=5000)


def fill(refill: bool) -> None:
    from datetime import timedelta

    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from accounts.models import Company, Membership, Role, School, User
    from assessments.models import Framework, FrameworkVersion
    from placements.models import LearnerRecord, Placement, Programme
    from registry.models import Certificate

    call_command("migrate", verbosity=0)
    school = School.objects.filter(name=SCHOOL).first()
    if school and not refill and Placement.objects.filter(school=school).count() == PLACEMENTS:
        print(f"Reusing {PLACEMENTS:,} placements in {connection.settings_dict['NAME']}.")
        return
    started = time.perf_counter()
    with connection.cursor() as cursor:  # a clean slate: every table of the project, quickly
        tables = ", ".join(connection.ops.quote_name(table) for table in connection.introspection.django_table_names())
        cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    today = timezone.localdate()
    with transaction.atomic():
        school = School.objects.create(name=SCHOOL, city="Utrecht")
        coordinator = User.objects.create_user(email="coordinator@bench.example")
        Membership.objects.create(user=coordinator, role=Role.COORDINATOR, school=school)
        supervisors = _users("begeleider", SUPERVISORS)
        Membership.objects.bulk_create(Membership(user=u, role=Role.TEACHER, school=school) for u in supervisors)
        mentors = _users("mentor", MENTORS)
        learners = _users("student", PLACEMENTS)
        companies = Company.objects.bulk_create(
            Company(name=f"Leerbedrijf {n}", city=("Utrecht", "Zwolle", "Leiden")[n % 3], sector="Techniek")
            for n in range(COMPANIES)
        )
        programmes = Programme.objects.bulk_create(
            Programme(school=school, name=f"Opleiding {n}", required_hours=800) for n in range(PROGRAMMES)
        )
        Placement.objects.bulk_create(
            (
                Placement(
                    learner=learners[n], school=school, company=companies[n % COMPANIES],
                    mentor=mentors[n % MENTORS], supervisor=supervisors[n % SUPERVISORS],
                    programme=programmes[n % PROGRAMMES], start_date=today - timedelta(days=10 + n % 190),
                    end_date=today + timedelta(days=30 + n % 170), hours_per_week=16 + n % 25,
                    status=Placement.Status.ACTIVE,
                )
                for n in range(PLACEMENTS)
            ),
            batch_size=5000,
        )  # fmt: skip
        LearnerRecord.objects.bulk_create(
            (
                LearnerRecord(user=learners[n], school=school, student_number=f"S{n:06d}",
                              cohort=("2025-2026", "2026-2027")[n % 2], programme=programmes[n % PROGRAMMES])
                for n in range(PLACEMENTS)
            ),
            batch_size=5000,
        )  # fmt: skip
        Certificate.objects.bulk_create(
            (
                Certificate(
                    number=f"BENCH-{n:06d}", holder=mentor, holder_name=mentor.get_full_name(), school=school,
                    issued_on=today - timedelta(days=400), public_id=uuid.uuid4(),
                    valid_until=today + timedelta(days=365) if n % 10 < 8 else today - timedelta(days=5),
                )
                for n, mentor in enumerate(mentors)
                if n % 10 != 9
            ),
            batch_size=5000,
        )  # fmt: skip
        framework = Framework.objects.create(school=school, code="bench", title_en="Bench", title_nl="Bench")
        version = FrameworkVersion.objects.create(
            framework=framework, number=1, status="published", published_at=timezone.now()
        )
        _fill_children(school.pk, version.pk)
    print(f"Filled {PLACEMENTS:,} placements with their sessions, hours, meetings and signatures in "
          f"{time.perf_counter() - started:.1f} s.")  # fmt: skip


CHILDREN = [
    # Coaching sessions: five a fortnight apart, the last 0 to 59 days ago.
    """INSERT INTO mentoring_coachingsession (placement_id, date, duration_minutes, form, coached_by_id, activities,
       went_well, to_improve, learner_reflection, created_by_id, created_at)
       SELECT p.id, CURRENT_DATE - ((p.id %% 60)::int) - k * 14, 45, 'on_the_job', p.mentor_id, 'Werkzaamheden',
              '', '', '', p.mentor_id, now()
       FROM placements_placement p, generate_series(0, 4) k WHERE p.school_id = %(school)s""",
    # Hours: two entries a week over the last ten weeks, 50 to 110 %% of the week's hours between them.
    """INSERT INTO mentoring_hoursentry (placement_id, date, start_time, end_time, break_minutes, description, status,
       rejection_reason, created_at)
       SELECT p.id, CURRENT_DATE - 1 - k * 3 - (k / 2) , time '00:30',
              time '00:30' + make_interval(mins => ((p.hours_per_week * 30 * (5 + (p.id %% 7)::int)) / 10)::int), 0, '',
              CASE WHEN k %% 5 = 0 THEN 'submitted' ELSE 'approved' END, '', now()
       FROM placements_placement p, generate_series(0, 19) k WHERE p.school_id = %(school)s""",
    # Two meetings, held 10 to 129 and 70 to 189 days ago.
    """INSERT INTO meetings_meeting (uid, placement_id, kind, starts_at, duration_minutes, location, online_link,
       agenda, status, sequence, organiser_id, cancelled_reason, created_at, updated_at)
       SELECT gen_random_uuid(), p.id, 'tripartite', now() - make_interval(days => 10 + (p.id %% 120)::int + k * 60),
              45, 'Op locatie', '', '', 'confirmed', 0, p.supervisor_id, '', now(), now()
       FROM placements_placement p, generate_series(0, 1) k WHERE p.school_id = %(school)s""",
    # Minutes of every meeting: confirmed, except for every third placement's.
    """INSERT INTO meetings_minutes (meeting_id, summary, status, written_by_id, written_at)
       SELECT m.id, 'Verslag', CASE WHEN (p.id %% 3)::int = 0 THEN 'awaiting' ELSE 'confirmed' END,
              p.supervisor_id, now()
       FROM meetings_meeting m JOIN placements_placement p ON p.id = m.placement_id WHERE p.school_id = %(school)s""",
    """INSERT INTO mentoring_coachingplan (placement_id, status, coaching_frequency, coaching_forms, learning_style,
       energisers, updated_at)
       SELECT p.id, 'approved', 'Elke week', '[]', '', '', now() FROM placements_placement p
       WHERE p.school_id = %(school)s""",
    # Two goals per plan; targets from 20 days ago to 70 days ahead; one in 25 plans has one off track.
    """INSERT INTO mentoring_learninggoal (plan_id, title, success_measure, target_date, rationale, status, progress,
       position, created_at)
       SELECT c.id, 'Leerdoel', 'Meetbaar', CURRENT_DATE + ((c.placement_id %% 90)::int) - 20 + k * 30, '',
              CASE WHEN (c.placement_id %% 25)::int = 0 AND k = 0 THEN 'off_track'
                   WHEN CURRENT_DATE + ((c.placement_id %% 90)::int) - 20 + k * 30 < CURRENT_DATE
                        AND (c.placement_id %% 2)::int = 0 THEN 'achieved' ELSE 'on_track' END, 40, k, now()
       FROM mentoring_coachingplan c JOIN placements_placement p ON p.id = c.placement_id,
            generate_series(0, 1) k WHERE p.school_id = %(school)s""",
    """INSERT INTO mentoring_mentoringagreement (placement_id, mentor_will, mentor_will_not, learner_will,
       learner_will_not, mentor_helps_with, updated_at, mentor_accepted_name, learner_accepted_name,
       mentor_accepted_at, learner_accepted_at)
       SELECT p.id, 'Begeleiden', 'Beoordelen', 'Vragen', 'Verbergen', '[]', now(), 'Mentor', 'Student', now(),
              CASE WHEN (p.id %% 10)::int = 0 THEN NULL ELSE now() END
       FROM placements_placement p WHERE p.school_id = %(school)s""",
    """INSERT INTO mentoring_incident (placement_id, category, occurred_on, description, actions_taken, status,
       reported_by_id, created_at, escalated_at)
       SELECT p.id, 'lateness', CURRENT_DATE - 3, 'Te laat', '', 'open', p.mentor_id, now(),
              CASE WHEN (p.id %% 100)::int = 0 THEN now() END
       FROM placements_placement p WHERE p.school_id = %(school)s AND (p.id %% 20)::int = 0""",
    """INSERT INTO assessments_assessmentrecord (subject_id, placement_id, framework_version_id, title, assessed_on,
       status, version, amendment_reason, overall_remarks, strengths, development_points, learner_response,
       created_by_id, created_at, updated_at, submitted_at)
       SELECT p.learner_id, p.id, %(version)s, 'Tussentijdse beoordeling', CURRENT_DATE - 30, 'awaiting', 1, '', '',
              '', '', '', p.mentor_id, now(), now(), now()
       FROM placements_placement p WHERE p.school_id = %(school)s AND (p.id %% 4)::int = 0""",
    """INSERT INTO assessments_signature (record_id, role, user_id, name, email, verdict, reason, requested_at)
       SELECT r.id, 'subject', r.subject_id, 'Student', 'student' || r.id || '@bench.example', '', '',
              now() - make_interval(days => (r.placement_id %% 30)::int)
       FROM assessments_assessmentrecord r JOIN placements_placement p ON p.id = r.placement_id
       WHERE p.school_id = %(school)s""",
]


def _fill_children(school_id: int, version_id: int) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for sql in CHILDREN:
            cursor.execute(sql, {"school": school_id, "version": version_id})
        cursor.execute("ANALYZE")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def time_recompute(rounds: int) -> list[float]:
    from oversight.health.compute import refresh_all

    timings = []
    for _round in range(rounds):
        started = time.perf_counter()
        written = refresh_all()
        timings.append(time.perf_counter() - started)
        assert written == PLACEMENTS, written
    return timings


SCENARIOS = [
    ("first page", {}),
    ("filter: at risk", {"status": "2"}),
    ("filter: signal + programme", {"signal": "no_session", "programme": "__programme__"}),
    ("filter: cohort + company", {"cohort": "2025-2026", "company": "Leerbedrijf 12"}),
    ("sort: learner", {"sort": "learner"}),
    ("sort: most hours behind, page 40", {"sort": "hours", "page": "40"}),
]


def time_overview(runs: int) -> list[tuple[str, float, float, set[int]]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from accounts.models import User
    from placements.models import Programme

    client = Client()
    client.force_login(User.objects.get(email="coordinator@bench.example"))
    programme = str(Programme.objects.order_by("pk").values_list("pk", flat=True)[3])
    url = reverse("oversight_placements")
    urls = [
        (label, f"{url}?{urlencode({k: programme if v == '__programme__' else v for k, v in params.items()})}")
        for label, params in SCENARIOS
    ]
    timings = {label: [] for label, _url in urls}
    queries = {label: set() for label, _url in urls}
    for round_number in range(runs + 2):  # the first two rounds warm up and are not counted
        for label, address in urls:
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(address)
                elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, (label, response.status_code)
            if round_number >= 2:
                timings[label].append(elapsed)
                queries[label].add(len(captured))
    return [
        (label, statistics.median(timings[label]), percentile(timings[label], 0.95), queries[label])
        for label, _url in urls
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--recompute-rounds", type=int, default=3)
    parser.add_argument("--refill", action="store_true")
    args = parser.parse_args()
    setup()
    fill(args.refill)
    recompute = time_recompute(args.recompute_rounds)
    print(f"Recompute all {PLACEMENTS:,} placements: " + ", ".join(f"{seconds:.2f} s" for seconds in recompute))
    from django.db.models import Count

    from oversight.models import PlacementHealth

    levels = dict(PlacementHealth.objects.values_list("level").annotate(n=Count("pk")))
    print(f"Levels (0 on track, 1 attention, 2 at risk): {dict(sorted(levels.items()))}")
    print(f"\nCoordinator overview, {args.runs} runs per scenario after 2 warm-up rounds (ms):\n")
    print("| scenario | p50 | p95 | queries |\n|---|---|---|---|")
    for label, p50, p95, counts in time_overview(args.runs):
        print(f"| {label} | {p50:.1f} | {p95:.1f} | {', '.join(map(str, sorted(counts)))} |")


if __name__ == "__main__":
    main()
