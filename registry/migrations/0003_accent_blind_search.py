"""Accent-blind register search on PostgreSQL: the werkmentor_fold function and trigram indexes on it.

werkmentor_fold(text) = lower(unaccent('unaccent', text)), declared IMMUTABLE (unaccent itself is only STABLE,
because its dictionary could change; ours does not) so that it can be indexed. The planner inlines it only when
everything inside is immutable too, so where allowed (a superuser migrates) werkmentor_unaccent declares the
extension's C function IMMUTABLE, and a search costs about what UPPER() did; without that right the wrapper
calls the extension's unaccent, which is as correct and uses the same indexes, but costs some 3x more per row
that a search filters without an index. The register's searches
compare werkmentor_fold(column) LIKE '%' || werkmentor_fold(word) || '%' (registry/register/search.py), which the GIN
trigram indexes below serve. They replace the UPPER(column) trigram indexes of 0002, which no search uses
any more. The companies register searches the company's name the same way.

SQLite (the embedded default) needs none of this: the app registers a Python function of the same name on
every connection, and SQLite has no index for a LIKE with a leading wildcard anyway.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import DatabaseError, migrations, transaction

FUNCTION = "werkmentor_fold"
UNACCENT = "werkmentor_unaccent"

OLD_INDEXES = {
    "certificate_number_trgm": ("registry_certificate", "number"),
    "certificate_holder_trgm": ("registry_certificate", "holder_name"),
    "certificate_company_trgm": ("registry_certificate", "company_name"),
    "certificate_city_trgm": ("registry_certificate", "company_city"),
}
FOLD_INDEXES = {
    "certificate_number_fold_trgm": ("registry_certificate", "number"),
    "certificate_holder_fold_trgm": ("registry_certificate", "holder_name"),
    "certificate_company_fold_trgm": ("registry_certificate", "company_name"),
    "certificate_city_fold_trgm": ("registry_certificate", "company_city"),
    "company_name_fold_trgm": ("accounts_company", "name"),
}


def _unaccent_schema(schema_editor) -> str:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT quote_ident(nspname) FROM pg_extension JOIN pg_namespace ON pg_namespace.oid = extnamespace "
            "WHERE extname = 'unaccent'"
        )
        return cursor.fetchone()[0]


def _current_schema(schema_editor) -> str:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT quote_ident(current_schema())")
        return cursor.fetchone()[0]


def _immutable_unaccent(schema_editor, schema: str) -> bool:
    """Declare the extension's C function IMMUTABLE as werkmentor_unaccent; False when not allowed to.

    Its cost tells the planner that a look-up per letter is dearer than UPPER (the extension says 1). Measured
    over the benchmark's 100,000 rows: with 1 or 10, a word found in a few hundred rows ('malaga', 'leuven')
    walked the issue-date index through thousands of rows (6-22 ms) instead of reading the trigram indexes
    (1-3 ms); from 25 on, the filtered walk for a common name looked dear enough to start a parallel worker,
    which costs more than it saves (13-20 ms instead of 7 ms for 'de vries'). 20 gave the best plan for all.
    """
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute(
                f"CREATE OR REPLACE FUNCTION {schema}.{UNACCENT}(regdictionary, text) RETURNS text "
                "LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE COST 20 AS '$libdir/unaccent', 'unaccent_dict'"
            )
    except DatabaseError:  # only a superuser may create a C function
        return False
    return True


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    extension = _unaccent_schema(schema_editor)  # where the extension lives, whatever the search_path
    schema = _current_schema(schema_editor)
    unaccent = f"{schema}.{UNACCENT}" if _immutable_unaccent(schema_editor, schema) else f"{extension}.unaccent"
    schema_editor.execute(
        f"CREATE OR REPLACE FUNCTION {schema}.{FUNCTION}(text) RETURNS text "
        "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE "
        f"AS $$ SELECT lower({unaccent}('{extension}.unaccent'::regdictionary, $1)) $$"
    )
    for name in OLD_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    for name, (table, column) in FOLD_INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({FUNCTION}({column}) gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in FOLD_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    for name, (table, column) in OLD_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (UPPER({column}) gin_trgm_ops)")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}(text)")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {UNACCENT}(regdictionary, text)")


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_register_search_indexes"), ("accounts", "0001_initial")]

    operations = [
        UnaccentExtension(),  # a no-op on SQLite; pg_trgm comes from 0002
        migrations.RunPython(forwards, backwards),
    ]
