from django.core.management.base import BaseCommand

from oversight.digest.services import queue_weekly


class Command(BaseCommand):
    help = (
        "Queue this week's digest for coordinators and school supervisors through the outbox (what Celery beat "
        "runs on Monday morning); each person gets it once a week however often this runs."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Weekly digest of {queue_weekly()} queued.")
