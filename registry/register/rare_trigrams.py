"""The rows that can hold the searched texts, from the rarest trigrams of each text.

A register page of rare matches collects every match from search_text's trigram index (page_query.py, the
candidates). Given a text, the index reads the posting list of each of its trigrams and intersects them, and its
time grows with the number of rows those lists hold, not with the matches: 'Drukkerij Kowalski' gives it thirteen
trigrams, some of which ('rij', 'ker', 'kke') are in a fifth to a third of all certificates, and it took 12 ms for
299 matches at 1,000,000 certificates. Two rare trigrams of each word ('dru' and 'ruk', 'kow' and 'wal') find the
same 299 rows in 2 ms.

Which trigrams are rare PostgreSQL knows from the extended statistics certificate_search_trigrams (migration
registry 0017): ANALYZE samples show_trgm(search_text) and keeps the share of rows holding each of its most common
trigrams. A trigram not listed is rarer than every listed one. The statement picks each text's rarest trigrams
itself (so its text, and its prepared plan, do not depend on the words), asks the index for those alone, behind a
fence (OFFSET 0: the planner cannot hand the index the whole words again), and the search's own filters then test
the rows that come out. Every trigram of a text is in every row that holds the text, so no row is lost; without
statistics (a new table, a database user who may not read them) the trigrams are taken in alphabetical order,
still correct, only less selective.
"""

from collections.abc import Sequence

PER_TEXT = 2  # trigrams asked of the index per text searched

# The most common trigrams and the share of rows holding each, as ANALYZE sampled them (most_common_elem_freqs has
# three more entries: the least and greatest share, and the share of empty rows).
STATS = (
    "SELECT most_common_elems::text::text[] AS trigrams, most_common_elem_freqs AS shares FROM pg_stats_ext_exprs"
    " WHERE statistics_name = 'certificate_search_trigrams' AND statistics_schemaname = current_schema()"
)
# Each text's trigrams as LIKE patterns, rarest first (one not listed in the statistics is rarer than every listed
# one), and then its PER_TEXT rarest in one array: the text's first at 1, 1 + PER_TEXT ... pg_trgm pads a word with
# spaces and shows a trigram of multi-byte letters as a hash ('0x1f2e3d'): neither is a piece of the text, so only
# three letters without a space qualify. A text with fewer trigrams repeats its rarest; one with none gives '%' (no
# condition).
PATTERNS = """
    SELECT array_agg(slot.pattern ORDER BY ranked.position, slot.number) AS patterns
    FROM (
        SELECT searched.position, array_agg('%%' || trigram || '%%' ORDER BY coalesce(
            (SELECT shares[array_position(trigrams, trigram)] FROM stats), 0), trigram) AS patterns
        FROM unnest(%(rare_texts)s::text[]) WITH ORDINALITY searched(text, position)
        LEFT JOIN LATERAL unnest(show_trgm(werkmentor_fold(searched.text))) trigram
            ON length(trigram) = 3 AND strpos(trigram, ' ') = 0
        GROUP BY searched.position
    ) ranked
    CROSS JOIN LATERAL unnest(ARRAY[{slots}]) WITH ORDINALITY slot(pattern, number)
"""
ROWS_HOLDING = (
    " FROM (WITH stats AS MATERIALIZED ({stats}), rare AS MATERIALIZED ({patterns})"
    ' SELECT {columns} FROM registry_certificate WHERE {likes} OFFSET 0) "registry_certificate" '
)
LIKE = "search_text LIKE (SELECT patterns[{}] FROM rare)"
PATTERNS, ROWS_HOLDING = " ".join(PATTERNS.split()), " ".join(ROWS_HOLDING.split())


def _patterns() -> str:
    slots = ", ".join(f"coalesce(patterns[{slot}], patterns[1], '%%')" for slot in range(1, PER_TEXT + 1))
    return PATTERNS.format(slots=slots)


def rarest_patterns_query() -> str:
    """A query of the LIKE patterns rows_holding() asks the index for (one row, one array; parameter rare_texts)."""
    return f"WITH stats AS MATERIALIZED ({STATS}) {_patterns()}"


def rows_holding(texts: Sequence[str], columns: str = "*") -> tuple[str, dict]:
    """A FROM clause for the certificates that can hold every one of `texts` (named as the table, with
    `columns`), found by the rarest trigrams of each; its parameters. Each text must be one that the search's
    filters require search_text to contain: these are the only rows they can keep."""
    likes = " AND ".join(LIKE.format(index + 1) for index in range(len(texts) * PER_TEXT))
    sql = ROWS_HOLDING.format(stats=STATS, patterns=_patterns(), columns=columns, likes=likes)
    return f" {sql} ", {"rare_texts": list(texts)}
