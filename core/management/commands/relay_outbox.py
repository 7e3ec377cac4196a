"""Run every outbox entry that is due (for cron, or after an outage): the same scan Celery beat runs each minute."""

from django.core.management.base import BaseCommand

from core.outbox.relay import relay_due


class Command(BaseCommand):
    help = "Send the e-mails and run the jobs in the outbox that are due (retries, and what a broker outage held)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="At most this many entries.")

    def handle(self, *args, limit=None, **options):
        self.stdout.write(str(relay_due(limit=limit)))
