import time

from django.core.management.base import BaseCommand

from oversight.health.compute import refresh_all, refresh_stale


class Command(BaseCommand):
    help = (
        "Recompute the health of every active placement and today's count per school (what Celery beat runs "
        "hourly); with --stale only the placements changed since the last run (what beat runs every minute)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stale", action="store_true", help="Only the placements marked stale by writes.")

    def handle(self, *args, stale=False, **options):
        started = time.perf_counter()
        written = refresh_stale() if stale else refresh_all()
        self.stdout.write(f"{written} placements recomputed in {time.perf_counter() - started:.1f} s.")
