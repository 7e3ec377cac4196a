"""The register's page statement (registry/register/page_query.py): the walk goes on where the probe stopped, and
the table's estimated size spares counting its rows (TABLE_DOMAIN)."""

import pytest
from django.db import connection

from registry.models import Certificate
from registry.register import page_query
from registry.register.filters import search_certificates
from tests.registry.page_statement import make_register, statement_parts


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the page statement is PostgreSQL's")
@pytest.mark.usefixtures("short_walks")
def test_the_tables_estimated_size_spares_counting_its_rows_and_a_wrong_one_costs_time_not_rows(world):
    """A walk without conditions that read all 60 rows (a walk of 100) holds the page, unless PostgreSQL's estimate
    of the table's size is ten times the walk (page_query.TABLE_DOMAIN); wrongly so: the candidates, the same rows."""
    make_register(world.school, 60)
    queryset = search_certificates(Certificate.objects.all(), "drukkerij")
    plain = list(queryset.order_by("-issued_on", "-pk").values_list("pk", flat=True))
    wrong = "UPDATE pg_class SET reltuples = 1000 WHERE oid = 'registry_certificate'::regclass"
    for estimate, parts in (
        ("ANALYZE registry_certificate", {"probe", "walk"}),
        (wrong, {"probe", "walk", "candidates"}),
    ):
        with connection.cursor() as cursor:
            cursor.execute(estimate)
        assert statement_parts(queryset) == (plain, False, parts)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the page statement is PostgreSQL's")
def test_the_walk_reads_on_after_the_probe_and_its_page_follows_the_probes_matches(world, monkeypatch):
    """A third of the rows match; a page 20 or 22 rows deep: the probe (the page's depth in rows) holds fewer matches
    than the offset, so the walk, reading on after the probe's rows, skips the rest of the offset among its own."""
    monkeypatch.setattr(page_query, "WALK_ROWS", 150)
    monkeypatch.setattr(page_query, "WALK_FACTOR", 1)
    make_register(world.school, 150)
    queryset = search_certificates(Certificate.objects.all(), "drukkerij")
    plain = list(queryset.order_by("-issued_on", "-pk").values_list("pk", flat=True))
    for offset in (20, 22):
        rows, _short, ran = statement_parts(queryset, offset=offset)
        assert rows == plain[offset : offset + 26] and ran == {"probe", "walk"}, offset
