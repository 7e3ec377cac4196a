"""Rare words' matches collected from the rarest trigrams of each word (registry/register/rare_trigrams.py): the
index is asked for those, and the page holds the same rows as the plain sorted query, with or without statistics,
for words with accents, without usable trigrams, or too short to have any."""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.http import QueryDict
from django.utils import timezone

from registry.models import Certificate
from registry.register import rare_trigrams
from registry.register.filters import search_certificates
from registry.register.selectors import search_register
from tests.registry.factories_register import make_certificate
from tests.registry.page_statement import make_register, plan_as_run, statement_parts

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the page statement is PostgreSQL's")

# Issued long before the 150 of make_register(), so that a walk of the newest never reaches them: the candidates do.
OLD_ONES = [
    ("Iris Kowalczyk", "Drukkerij Kowalczyk", "Zwolle"),
    ("Ωμέγα Παπαδόπουλος", "Ταβέρνα Ωμέγα", "Αθήνα"),
    ("Jürgen Öztürk", "Bäckerei Öztürk", "Münster"),
    ("Li Wu", "Wu & Xu", "Ede"),
]


@pytest.fixture
def register(world):
    make_register(world.school, 150)
    long_ago = timezone.localdate() - timedelta(days=2000)
    for index, (holder, company, city) in enumerate(OLD_ONES):
        make_certificate(
            school=world.school,
            holder_name=holder,
            company_name=company,
            company_city=city,
            number=f"WM-2014-{index:06d}",
            issued_on=long_ago - timedelta(days=index),
        )
    with connection.cursor() as cursor:  # the trigram statistics, as autovacuum's ANALYZE keeps them
        cursor.execute("ANALYZE registry_certificate")
    return world


def rarest(texts):
    with connection.cursor() as cursor:
        cursor.execute(rare_trigrams.rarest_patterns_query(), {"rare_texts": texts})
        return cursor.fetchone()[0]


def test_the_index_is_asked_for_each_words_rarest_trigrams(register):
    patterns = rarest(["Drukkerij", "KOWALSKI", "x"])
    assert len(patterns) == 3 * rare_trigrams.PER_TEXT
    # 'rij', 'ker', 'kke' and 'eri' are in every Bakkerij too: the index is asked for Drukkerij's own trigrams.
    assert set(patterns[:2]) <= {"%dru%", "%ruk%", "%ukk%"} and len(set(patterns[:2])) == 2
    assert all(pattern.strip("%") in "kowalski" and len(pattern) == 5 for pattern in patterns[2:4])
    assert patterns[4:] == ["%", "%"]  # no trigram: no condition


def test_letters_pg_trgm_hashes_are_not_asked_for(register):
    """pg_trgm shows a trigram of non-Latin letters as a hash ('0x…'), which is no piece of the word."""
    assert rarest(["Ωμέγα"]) == ["%", "%"]
    assert rarest(["Öztürk"])[0] in {"%ozt%", "%ztu%", "%tur%", "%urk%"}  # folded: accents off


@pytest.mark.parametrize(
    "q",
    [
        "kowalczyk",
        "drukkerij kowalczyk",
        "iris kowalczyk zwolle",
        "ωμέγα",  # no usable trigram
        "ozturk",  # typed without the accents
        "Bäckerei",
        "wu",  # too short for a trigram
        "li wu ede",
        "nobody",
    ],
)
def test_rare_words_collected_by_their_rarest_trigrams_are_the_plain_sorted_rows(register, short_walks, q):
    queryset = search_certificates(Certificate.objects.all(), q)
    rows, short, ran = statement_parts(queryset, texts=q.split())
    assert rows == list(queryset.order_by("-issued_on", "-pk").values_list("pk", flat=True)[:26])
    assert "candidates" in ran and not short


def test_without_statistics_the_rows_are_the_same(register, short_walks, monkeypatch):
    """A database user who may not read the statistics, or a table not analysed yet: any trigrams, same rows."""
    monkeypatch.setattr(rare_trigrams, "STATS", "SELECT NULL::text[] AS trigrams, NULL::real[] AS shares")
    assert rarest(["Drukkerij"]) == ["%dru%", "%eri%"]  # alphabetical
    queryset = search_certificates(Certificate.objects.all(), "drukkerij kowalczyk")
    rows, _short, ran = statement_parts(queryset, texts=["drukkerij", "kowalczyk"])
    assert len(rows) == 1 and rows == list(queryset.values_list("pk", flat=True)) and "candidates" in ran


def _conditions(node) -> list[str]:
    """Every condition in the plan (EXPLAIN's JSON): a scan's index condition or filter, a recheck."""
    found = [node[key] for key in ("Index Cond", "Recheck Cond", "Filter") if key in node]
    for child in node.get("Plans", []):
        found += _conditions(child)
    return found


def test_the_register_page_asks_the_index_for_the_words_company_and_city(register, short_walks):
    """search_register() hands the statement every text its filters require search_text to hold: two rare trigrams
    each of the word, the company and the city, and nothing else."""
    params = QueryDict(urlencode({"q": "iris", "company": "kowalczyk", "city": "zwolle"}))
    found, plan = plan_as_run(lambda: search_register(register.coordinator, params))
    assert [row.holder_name for row in found.page.object_list] == ["Iris Kowalczyk"]
    asked = [condition for condition in _conditions(plan) if condition.startswith("((search_text ~~ $")]
    assert [condition.count("search_text ~~") for condition in asked] == [3 * rare_trigrams.PER_TEXT]
