from django.conf import settings
from django.core.management.base import BaseCommand

from meetings.reminders.scan import scan


class Command(BaseCommand):
    help = (
        "Decide which meeting reminders and no-meeting alerts are due, record each once and deliver them: "
        "through the Celery worker when REDIS_URL is set, in this process otherwise (or with --in-process). "
        "Safe to run as often as you like, also next to the beat schedule: nothing is sent twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--in-process",
            action="store_true",
            help="Send here and now instead of queueing, even when a broker is configured (e.g. Redis is down).",
        )

    def handle(self, *args, **options):
        # Without a broker tasks run eagerly anyway; sending directly keeps one SMTP connection for the batch.
        in_process = options["in_process"] or not settings.REDIS_URL
        counts = scan(in_process=in_process)
        summary = ", ".join(f"{name} {number}" for name, number in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Reminder scan done: {summary}."))
