"""The quick start's database: an empty SQLite database loads the schema snapshot, which matches the migrations."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core import schema_snapshot

ROOT = Path(__file__).resolve().parent.parent.parent

# Run in the new database: no migration left to apply, and every model's table and columns there.
CHECK_STATE = """
from django.apps import apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
executor = MigrationExecutor(connection)
print("unapplied:", executor.migration_plan(executor.loader.graph.leaf_nodes()))
with connection.cursor() as cursor:
    tables = set(connection.introspection.table_names(cursor))
    missing = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            if model._meta.db_table not in tables:
                missing.append(model._meta.db_table)
                continue
            columns = {c.name for c in connection.introspection.get_table_description(cursor, model._meta.db_table)}
            missing += [f"{model._meta.db_table}.{f.column}" for f in model._meta.local_concrete_fields
                        if f.column not in columns]
print("missing:", missing)
"""


def manage(database, *arguments):
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *arguments],
        env={**environment, "DATABASE_URL": f"sqlite:///{database}", "DEBUG": "true"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_committed_snapshot_was_written_from_the_migrations_on_disk():
    assert schema_snapshot.snapshot_fingerprint() == schema_snapshot.migrations_fingerprint(), (
        "A migration changed since core/schema/sqlite.sql was written: run `manage.py schema_snapshot` and commit it."
    )


def test_an_empty_sqlite_database_starts_from_the_snapshot_with_every_migration_applied(tmp_path):
    database = tmp_path / "fresh.sqlite3"

    setup = manage(database, "setup_database")
    assert setup.returncode == 0, setup.stderr
    assert "Loaded the schema snapshot" in setup.stdout
    assert "Applying" not in setup.stdout and "Operations to perform" not in setup.stdout

    state = manage(database, "shell", "--no-imports", "-c", CHECK_STATE)
    assert state.stdout.strip().splitlines() == ["unapplied: []", "missing: []"], state.stdout + state.stderr

    # A second run finds the database in use and only migrates (there is nothing to apply).
    again = manage(database, "setup_database")
    assert again.returncode == 0, again.stderr
    assert "Loaded the schema snapshot" not in again.stdout


def test_a_snapshot_that_does_not_match_the_migrations_is_not_loaded(tmp_path, settings):
    stale = tmp_path / "stale.sql"
    stale.write_text(schema_snapshot.HEADER + "0" * 64 + "\nCREATE TABLE should_not_exist (id integer);\n")
    assert schema_snapshot.snapshot_fingerprint(stale) == "0" * 64
    assert schema_snapshot.snapshot_fingerprint(tmp_path / "absent.sql") is None
    assert schema_snapshot.load_if_current(path=stale) is False


@pytest.mark.django_db
def test_a_database_in_use_is_never_loaded_over():
    # The test database has tables (and on CI is PostgreSQL): the snapshot is for empty SQLite databases only.
    assert schema_snapshot.is_empty_sqlite() is False
    assert schema_snapshot.load_if_current() is False
