"""The quick start's set-up in one process: the database (from the schema snapshot when empty), then the demo."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Set up the database (manage.py setup_database) and load the demo world (manage.py demo)."
    requires_system_checks = []  # scripts/run starts runserver next, which runs them

    def handle(self, *args, **options):
        call_command("setup_database", verbosity=0)
        call_command("demo", stdout=self.stdout, stderr=self.stderr)
