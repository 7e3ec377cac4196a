"""How common each trigram of a certificate's search_text is: extended statistics on show_trgm(search_text), which
ANALYZE (and autovacuum) keep in pg_stats_ext_exprs like any column's. A search collecting every match of rare
words asks the trigram index for the rarest trigrams of each word only (registry/register/rare_trigrams.py): the
index's cost grows with the trigrams it is given, and the common ones ('rij', 'ker') hold a third of the rows."""

from django.db import migrations

from core.migration_sql import PostgresOnlySQL


class Migration(migrations.Migration):
    dependencies = [("registry", "0016_revoked_indexes_hold_revoked_at")]

    operations = [
        PostgresOnlySQL(
            "CREATE STATISTICS IF NOT EXISTS certificate_search_trigrams ON (show_trgm(search_text))"
            " FROM registry_certificate",
            reverse_sql="DROP STATISTICS IF EXISTS certificate_search_trigrams",
        )
    ]
