"""The register's search column: search_text, the folded number, holder, company and city, with a trigram index.

A generated column (STORED), so the database keeps it right on every write, bulk ones and updates included.
PostgreSQL: one GIN trigram index on it serves every word of a search (they were four indexes on
werkmentor_fold(column), folded again for every row a search tested), and ANALYZE keeps statistics on it
(an expression in a GIN index gets none), with a larger sample than the default for the LIKE estimates.
The trigram index on the folded number goes: only the search box used it. certificate_validity_days gives the
shortest validity at once, for the page of expired certificates. SQLite computes the column with
the Python fold that the app registers on every connection (registry/register/search.py).
"""

import django.db.models.functions.text
from django.db import migrations, models

import registry.models.folding

INDEX = "certificate_search_trgm"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON registry_certificate USING gin (search_text gin_trgm_ops)"
    )
    schema_editor.execute("ALTER TABLE registry_certificate ALTER COLUMN search_text SET STATISTICS 1000")
    schema_editor.execute("DROP INDEX IF EXISTS certificate_number_fold_trgm")
    # The shortest validity, read by the register's page of expired certificates (registry/register/page_query.py).
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS certificate_validity_days ON registry_certificate ((valid_until - issued_on))"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute("DROP INDEX IF EXISTS certificate_validity_days")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS certificate_number_fold_trgm ON registry_certificate "
        "USING gin (werkmentor_fold(number) gin_trgm_ops)"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0008_schoolsigningkey"),
    ]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="search_text",
            field=models.GeneratedField(
                db_persist=True,
                expression=registry.models.folding.Fold(
                    django.db.models.functions.text.Concat(
                        "number",
                        models.Value(" "),
                        "holder_name",
                        models.Value(" "),
                        "company_name",
                        models.Value(" "),
                        "company_city",
                    )
                ),
                output_field=models.TextField(),
            ),
        ),
        migrations.AddIndex(
            model_name="certificate",
            index=models.Index(
                condition=models.Q(("revoked_at__isnull", False)),
                fields=["issued_on", "id"],
                name="certificate_revoked_issued",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
