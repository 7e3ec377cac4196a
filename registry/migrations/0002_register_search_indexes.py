"""Indexes for the register search: browsing order, per-school filters and (PostgreSQL) trigram text search.

The trigram indexes are on UPPER(column) because that is what Django's icontains generates on PostgreSQL.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

TRIGRAM_INDEXES = {
    "certificate_number_trgm": "number",
    "certificate_holder_trgm": "holder_name",
    "certificate_company_trgm": "company_name",
    "certificate_city_trgm": "company_city",
}


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, column in TRIGRAM_INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON registry_certificate USING gin (UPPER({column}) gin_trgm_ops)"
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]

    operations = [
        TrigramExtension(),  # a no-op on SQLite
        migrations.AddIndex(
            model_name="certificate", index=models.Index(fields=["issued_on", "id"], name="certificate_issued_id")
        ),
        migrations.AddIndex(
            model_name="certificate",
            index=models.Index(fields=["school", "valid_until"], name="certificate_school_valid"),
        ),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes),
    ]
