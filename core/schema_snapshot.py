"""A SQL snapshot of the fully migrated SQLite database, so a fresh embedded database starts in a second.

Applying every migration to an empty database takes most of a minute: Django re-renders the in-memory models
related to each new model, and nearly every model here is related to the user. Like Rails' structure.sql, the
snapshot is the result of those migrations (tables, indexes, the migration records and what the data migrations
seed), written once by `manage.py schema_snapshot` and loaded into an empty SQLite database by
`manage.py setup_database`, which then applies any migration the snapshot does not hold.

The snapshot names a fingerprint of every migration file it was made from. A snapshot whose fingerprint does not
match the migrations on disk is never loaded (plain `migrate` runs instead), and a test fails until it is
written again, so it cannot drift from the migrations.
"""

import hashlib
import sys
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.db.migrations.loader import MigrationLoader

SNAPSHOT = Path(settings.BASE_DIR) / "core" / "schema" / "sqlite.sql"
APPLIED = "2026-01-01 00:00:00"
HEADER = "-- Werkmentor schema snapshot (manage.py schema_snapshot); migrations fingerprint: "


def migrations_fingerprint():
    """SHA-256 over every migration file of every installed app, Django's and third parties' included."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    digest = hashlib.sha256()
    for app_label, name in sorted(loader.disk_migrations):
        module = sys.modules[loader.disk_migrations[app_label, name].__module__]
        digest.update(f"{app_label}.{name}\n".encode())
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


def snapshot_fingerprint(path=SNAPSHOT):
    """The fingerprint a snapshot was written from, or None when there is no readable snapshot."""
    try:
        with open(path, encoding="utf-8") as snapshot:
            first_line = snapshot.readline().rstrip("\n")
    except OSError:
        return None
    return first_line.removeprefix(HEADER) if first_line.startswith(HEADER) else None


def dump(sqlite_path):
    """The SQL text that rebuilds a migrated SQLite database: schema, rows and sequences, headed by the fingerprint."""
    import sqlite3

    source = sqlite3.connect(sqlite_path)
    try:
        # When each migration ran says nothing about the schema; a fixed moment keeps the snapshot's diffs to what
        # changed.
        source.execute("UPDATE django_migrations SET applied = ?", [APPLIED])
        source.commit()
        statements = list(source.iterdump())
    finally:
        source.close()
    return HEADER + migrations_fingerprint() + "\n" + "\n".join(statements) + "\n"


def is_empty_sqlite(alias="default"):
    connection = connections[alias]
    return connection.vendor == "sqlite" and not connection.introspection.table_names()


def load_if_current(alias="default", path=SNAPSHOT):
    """Load the snapshot into an empty SQLite database when it matches the migrations; True when it did.

    The script runs on Django's own connection, which has the SQLite functions the schema's generated columns
    call (registry/register/search.py registers them when a connection opens).
    """
    if not is_empty_sqlite(alias) or snapshot_fingerprint(path) != migrations_fingerprint():
        return False
    connection = connections[alias]
    connection.ensure_connection()
    # The dump lists tables alphabetically, so a row can arrive before the table its foreign key names.
    connection.connection.execute("PRAGMA foreign_keys = OFF")
    try:
        connection.connection.executescript(Path(path).read_text(encoding="utf-8"))
    finally:
        connection.connection.execute("PRAGMA foreign_keys = ON")
    return True
