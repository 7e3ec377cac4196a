"""Trigram indexes for the search-as-you-type programme fields (core/lookups.py): werkmentor_fold(name) and
(code), compared with LIKE '%word%'. The function comes from registry migration 0003; SQLite needs nothing.
"""

from django.db import migrations

INDEXES = {"programme_name_fold_trgm": "name", "programme_code_fold_trgm": "code"}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON placements_programme "
            f"USING gin (werkmentor_fold({column}) gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("placements", "0009_learner_school_cohort"), ("registry", "0003_accent_blind_search")]

    operations = [migrations.RunPython(forwards, backwards)]
