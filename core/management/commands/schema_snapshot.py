"""Write core/schema/sqlite.sql again: run every migration on a new SQLite database and dump it."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.schema_snapshot import SNAPSHOT, dump, migrations_fingerprint, snapshot_fingerprint


class Command(BaseCommand):
    help = "Write the SQLite schema snapshot that `setup_database` loads (after adding or changing a migration)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Only say whether the snapshot is current.")

    def handle(self, *args, check=False, **options):
        if check:
            if snapshot_fingerprint() != migrations_fingerprint():
                raise CommandError("The schema snapshot is out of date: run `manage.py schema_snapshot`.")
            self.stdout.write("The schema snapshot matches the migrations.")
            return
        with tempfile.TemporaryDirectory() as folder:
            database = Path(folder) / "snapshot.sqlite3"
            # A separate process, so the migrations run on a database of their own whatever DATABASE_URL says.
            environment = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
                cwd=settings.BASE_DIR,
                env=environment,
                check=True,
            )
            SNAPSHOT.parent.mkdir(exist_ok=True)
            SNAPSHOT.write_text(dump(database), encoding="utf-8")
        self.stdout.write(f"Wrote {SNAPSHOT.relative_to(settings.BASE_DIR)}.")
