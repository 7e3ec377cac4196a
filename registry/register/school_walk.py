"""One school's part of a register page statement (page_query.py): its walk along the school's own index, and its
candidates."""

import re
from collections.abc import Sequence

from . import rare_trigrams

# The table in the ORM's compiled SQL, and a column of it.
TABLE = ' FROM "registry_certificate" '
COLUMN = re.compile(r'"registry_certificate"\."(\w+)"')
# One school's walk (a coordinator's register): the index certificate_school_search holds the school's rows newest
# first with their search column (certificate_school_revoked its revoked ones), so the walk reads that index alone
# (an index-only scan: no row of another school, no table row) and tests the search words on its entries. The
# subquery w hands on id, issued_on, school_id and search_text from the index: the filters on these apply to w,
# before any row is fetched, and the ORM's ORDER BY is w's own order (no sort: the LIMIT stops the walk at the page).
# The other columns the filters test (a status, a city's folded spelling) come from the row itself, fetched by id
# only for the entries that passed (LATERAL with OFFSET 0: a nested loop, one primary key look-up each, never a scan
# of the table).
SCHOOL_WALK = (
    " FROM (SELECT {} FROM (SELECT {} FROM registry_certificate {} ORDER BY issued_on DESC, id DESC LIMIT {}) w{})"
    ' "registry_certificate" '
)
SCHOOL_INDEX_COLUMNS = ("id", "issued_on", "school_id", "search_text")
SCHOOL_REVOKED_INDEX_COLUMNS = (*SCHOOL_INDEX_COLUMNS, "revoked_at")  # certificate_school_revoked
ROW_BY_ID = " CROSS JOIN LATERAL (SELECT {} FROM registry_certificate c WHERE c.id = w.id OFFSET 0) c"
# One school's candidates when the search is words only: the school tested on the rows the words' trigram bitmap
# gives (school_id + 0 is no index's). Given the school's index, the planner ANDed its bitmap of 100,000 entries
# (7-11 ms) with a few hundred matches of the words, to save as many cached table pages.
SCHOOL_COLUMNS = "id, issued_on, search_text, school_id + 0 AS school_id"
WORDS_ONLY = f' FROM (SELECT {SCHOOL_COLUMNS} FROM registry_certificate) "registry_certificate" '  # noqa: S608


def candidates_from(texts: Sequence[str], school_columns: bool) -> tuple[str, dict]:
    """The candidates' FROM and its parameters: the rows holding the rarest trigrams of `texts` (rare_trigrams.py),
    of those one school's index columns only when the filters test no other (WORDS_ONLY)."""
    if texts:
        return rare_trigrams.rows_holding(texts, SCHOOL_COLUMNS if school_columns else "*")
    return (WORDS_ONLY if school_columns else TABLE), {}


def school_walk(sql: str, where: str, revoked: bool) -> str:
    """SCHOOL_WALK for the ORM's query `sql`, with a {} left for its length: the row is fetched by id only when
    the filters test a column that is not in the school's index."""
    in_index = SCHOOL_REVOKED_INDEX_COLUMNS if revoked else SCHOOL_INDEX_COLUMNS
    tested = dict.fromkeys(COLUMN.findall(sql))
    fetched = [column for column in tested if column not in in_index]
    columns = ", ".join([*(f"w.{column}" for column in in_index), *(f"c.{column}" for column in fetched)])
    row_by_id = ROW_BY_ID.format(", ".join(fetched)) if fetched else ""
    return SCHOOL_WALK.format(columns, ", ".join(in_index), where, "{}", row_by_id)
