"""Create or bring up to date the database: an empty SQLite database starts from the schema snapshot."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from core.schema_snapshot import load_if_current


class Command(BaseCommand):
    help = (
        "Apply the migrations. An empty SQLite database is loaded from core/schema/sqlite.sql instead when that "
        "snapshot matches the migrations on disk, which takes a second instead of most of a minute."
    )

    def handle(self, *args, **options):
        if load_if_current():
            # The snapshot holds every migration on disk (its fingerprint says so): nothing is left to apply.
            if options["verbosity"]:
                self.stdout.write("Loaded the schema snapshot (core/schema/sqlite.sql).")
            return
        call_command("migrate", interactive=False, verbosity=options["verbosity"])
