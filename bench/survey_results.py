"""Benchmark: the survey results pages for a school with 50,000 answers.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wm_h7_bench python bench/survey_results.py

Creates the database when it is missing (reuses its rows when they are there; --refill starts again), fills one
school with 50,000 answers to the shipped end-of-placement questionnaire (about 2,800 responses across 40 host
companies, 60 work mentors, 4 programmes, 4 cohorts and 6 terms), then requests, signed in as the school's
coordinator with Django's test client in-process, the results overview per dimension and the results page of the
largest company and of one mentor. Prints p50/p95 of the whole request and the number of queries each page ran
(the same for every request: the pages aggregate in the database, a fixed number of queries).

Options: --runs N (requests per page, default 40), --refill.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wm_h7_bench")
os.environ.setdefault("DB_CONN_MAX_AGE", "600")

ANSWERS = 50_000
COMPANIES = 40
MENTORS = 60
TERMS = ["2024-1", "2024-2", "2025-1", "2025-2", "2026-1", "2026-2"]
COHORTS = ["2023-2024", "2024-2025", "2025-2026", "2026-2027"]
SEED = 20261206


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


def fill(refill: bool):
    from accounts.models import Company, Membership, Role, School, User
    from feedback.models import Answer, Questionnaire, Response
    from feedback.models.responses import mean_score
    from placements.models import Programme

    school = School.objects.filter(name="Bench Survey College").first()
    if school is not None and not refill and Answer.objects.filter(response__school=school).count() >= ANSWERS:
        return school
    if school is not None:
        Answer.objects.filter(response__school=school).delete()
        Response.objects.filter(school=school).delete()
    else:
        school = School.objects.create(name="Bench Survey College", city="Leiden")
    rng = random.Random(SEED)
    coordinator, _ = User.objects.get_or_create(email="bench.coordinator@example.org", defaults={"first_name": "C"})
    Membership.objects.get_or_create(user=coordinator, role=Role.COORDINATOR, school=school)
    companies = [Company.objects.get_or_create(name=f"Bench company {i}", defaults={"city": "Utrecht"})[0]
                 for i in range(COMPANIES)]  # fmt: skip
    mentors = []
    for i in range(MENTORS):
        mentor, _ = User.objects.get_or_create(email=f"bench.mentor{i}@example.org", defaults={"first_name": f"M{i}"})
        mentors.append(mentor)
    programmes = [Programme.objects.get_or_create(school=school, name=f"Bench programme {i}")[0] for i in range(4)]
    version = Questionnaire.objects.get(school__isnull=True, code="learner-end-placement").versions.get()
    questions = list(version.questions.all())
    responses, made = [], 0
    while made < ANSWERS:
        # Skewed: the first companies host most learners, as in a real region.
        company = companies[min(int(rng.expovariate(1 / 6)), COMPANIES - 1)]
        responses.append(
            Response(
                version=version,
                school=school,
                audience="learner",
                purpose="end_placement",
                company=company,
                mentor=mentors[companies.index(company) % MENTORS if rng.random() < 0.7 else rng.randrange(MENTORS)],
                programme=rng.choice(programmes),
                cohort=rng.choice(COHORTS),
                term=rng.choice(TERMS),
            )  # fmt: skip
        )
        made += len(questions)
    answers = []
    for response in responses:
        mine = []
        for question in questions:
            if question.scale:
                mine.append(Answer(response=response, question=question, value=rng.choice(question.scale)))
            else:
                mine.append(Answer(response=response, question=question, text=rng.choice(["Fine", "Kind", ""])))
        response.score = mean_score((a.question.kind, a.value) for a in mine)  # as answering does
        answers += mine
    Response.objects.bulk_create(responses, batch_size=2000)
    Answer.objects.bulk_create(answers[:ANSWERS], batch_size=5000)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE feedback_response; ANALYZE feedback_answer; ANALYZE feedback_question;")
    return school


def measure(client, url, runs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm
    times, counts = [], set()
    for _run in range(runs):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        counts.add(len(captured))
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], sorted(counts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--refill", action="store_true")
    args = parser.parse_args()
    ensure_database(os.environ["DATABASE_URL"])
    setup_django()
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse

    from accounts.models import User
    from feedback.models import Answer, Response

    school = fill(args.refill)
    answers = Answer.objects.filter(response__school=school).count()
    responses = Response.objects.filter(school=school)
    biggest = responses.values("company").annotate(n=Count("pk")).order_by("-n").first()
    mentor = responses.values("mentor").annotate(n=Count("pk")).order_by("-n").first()
    client = Client()
    client.force_login(User.objects.get(email="bench.coordinator@example.org"))
    print(f"{answers} answers in {responses.count()} responses; largest company {biggest['n']} responses")
    pages = [(f"overview by {by}", reverse("feedback_results") + f"?by={by}") for by in
             ("company", "mentor", "programme", "cohort")]  # fmt: skip
    pages += [
        ("largest company", reverse("feedback_result", args=["company", biggest["company"]])),
        ("one mentor", reverse("feedback_result", args=["mentor", mentor["mentor"]])),
        ("one programme", reverse("feedback_result", args=["programme", responses.first().programme_id])),
    ]
    print(f"{'page':<22} {'p50 ms':>8} {'p95 ms':>8}  queries")
    for name, url in pages:
        p50, p95, counts = measure(client, url, args.runs)
        print(f"{name:<22} {p50:8.1f} {p95:8.1f}  {counts}")


if __name__ == "__main__":
    main()
