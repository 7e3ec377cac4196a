"""Trigram indexes for the search-as-you-type people fields (core/lookups.py): a look-up compares
werkmentor_fold(first_name), (last_name) and (email) with LIKE '%word%', one OR per word, which PostgreSQL answers
from these three indexes (a BitmapOr) instead of folding every user's name. The function comes from registry
migration 0003. SQLite has no index for such a LIKE: nothing to do there.
"""

from django.db import migrations

INDEXES = {
    "user_first_name_fold_trgm": "first_name",
    "user_last_name_fold_trgm": "last_name",
    "user_email_fold_trgm": "email",
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON accounts_user USING gin (werkmentor_fold({column}) gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0013_identity_provider_secret_encrypted"), ("registry", "0003_accent_blind_search")]

    operations = [migrations.RunPython(forwards, backwards)]
