"""Benchmark: the weekly digest for 500 recipients of a school with 20,000 active placements, on PostgreSQL.

    .venv/bin/python bench/weekly_digest.py           # reuses bench/placement_health.py's database

The data are those of bench/placement_health.py (filled there when missing): 20,000 active placements, their
200 school supervisors; 300 coordinators of the school are added here, so 500 people get a digest. Each run
forgets this week's DigestSent rows and times oversight.digest.delivery.send_weekly (reading everything for
everyone, rendering 500 e-mails in their language, recording each) with the in-memory mail backend, and counts
its queries. The second half of the recipients read in Dutch. Target: under 30 s.
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.placement_health import SCHOOL, _users, fill, setup  # noqa: E402

COORDINATORS = 300


def prepare() -> None:
    from accounts.models import Membership, Role, School, User
    from oversight.health.compute import refresh_all
    from oversight.models import PlacementHealth

    school = School.objects.get(name=SCHOOL)
    if not Membership.objects.filter(school=school, role=Role.COORDINATOR, user__email__startswith="digestco").exists():
        coordinators = _users("digestco", COORDINATORS)
        Membership.objects.bulk_create([Membership(user=u, role=Role.COORDINATOR, school=school) for u in coordinators])
    recipients = User.objects.filter(memberships__school=school, memberships__role__in=[Role.COORDINATOR, Role.TEACHER])
    half = list(recipients.order_by("pk").values_list("pk", flat=True).distinct())
    User.objects.filter(pk__in=half[len(half) // 2 :]).update(language="nl")
    if not PlacementHealth.objects.filter(computed_at__isnull=False).exists():
        refresh_all()


def main():
    import os

    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    setup()
    fill(False)
    prepare()
    from django.core import mail
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from oversight.digest.collect import iso_week
    from oversight.digest.delivery import send_weekly
    from oversight.models import DigestSent

    mail.outbox = []
    week = iso_week(__import__("django.utils.timezone", fromlist=["x"]).localdate())
    for run in range(2):
        DigestSent.objects.filter(week=week).delete()
        mail.outbox = []
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            sent = send_weekly()
        seconds = time.perf_counter() - started
        print(f"run {run + 1}: {sent} e-mails to {DigestSent.objects.filter(week=week).count()} people "
              f"in {seconds:.1f} s, {len(queries)} queries")  # fmt: skip


if __name__ == "__main__":
    main()
