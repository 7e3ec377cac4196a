"""Accent-blind, case-blind text search for the registers, one code path on PostgreSQL and SQLite.

Names in the register come from many languages (Málaga, Lucía, Daniël, Öztürk, Işık), and people type them
without accents. Both sides of a comparison are therefore folded by the database function `werkmentor_fold`:
accents off, lower case, so 'malaga' finds 'Málaga', 'Malaga' finds 'Málaga' and the other way round.

- PostgreSQL: migration registry 0003 creates it as an IMMUTABLE SQL function over the `unaccent` extension,
  `lower(unaccent('unaccent', text))`, and the trigram GIN indexes on `werkmentor_fold(column)` that a
  search uses (the query folds the column with the very same expression, so the planner matches the index).
- SQLite: `fold` below is registered under the same name on every new connection (a deterministic function).

The two agree on the letters of Latin-1 and Latin Extended-A (tests/registry/test_search_accents.py checks it
against PostgreSQL's unaccent rules).
"""

import unicodedata

from django.db.models import CharField, F, Q, Value
from django.db.models.lookups import Contains

from ..models.folding import FUNCTION, Fold

__all__ = ["FUNCTION", "Fold", "contains_text", "fold", "register_sqlite_function", "search_text_contains"]

# Letters whose compatibility decomposition differs from unaccent's mapping; mapped before decomposing.
_BEFORE_DECOMPOSING = str.maketrans({"Ŀ": "L", "ŀ": "l", "ŉ": "'n"})
# Letters that Unicode does not decompose into a base letter and an accent, mapped as PostgreSQL's unaccent
# rules map them (after casefold, so lower case only). The Turkish dotless ı is the one that matters most.
_NOT_DECOMPOSED = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ħ": "h",
        "ŧ": "t",
        "ŋ": "n",
        "ĸ": "q",
        "×": "*",
        "÷": "/",
    }
)


def fold(text: str | None) -> str | None:
    """`text` without accents, in lower case: 'Öztürk' -> 'ozturk', 'Işık' -> 'isik', 'Straße' -> 'strasse'."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", text.translate(_BEFORE_DECOMPOSING))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return bare.casefold().translate(_NOT_DECOMPOSED)


class ContainsFolded(Contains):
    """A contains lookup whose pattern (the folded text, its LIKE wildcards escaped by Django) PostgreSQL computes
    once per execution, as a scalar subquery (an InitPlan).

    Written inline, the pattern is a constant only in a plan made for the statement's values. The register's page
    statement is prepared with one generic plan (core/prepared.py), in which the pattern is an expression over a
    parameter, and PostgreSQL evaluated it (unaccent and three replace()) for every row a walk tested: half of the
    walk's time. A trigram index serves `LIKE (SELECT ...)` as it serves a constant.
    """

    def get_rhs_op(self, connection, rhs):
        operator = super().get_rhs_op(connection, rhs)
        if connection.vendor != "postgresql":
            return operator
        like, pattern = operator.split(" ", 1)
        return f"{like} (SELECT {pattern})"


def contains_text(field: str, text: str) -> Q:
    """`field` contains `text`, whatever the case and the accents of either: a trigram index on
    werkmentor_fold(field) serves it."""
    return Q(ContainsFolded(Fold(field), Fold(Value(text, output_field=CharField()))))


def search_text_contains(text: str) -> Q:
    """The certificate's search_text (its number, holder, company and city, folded) contains `text`, folded.

    One LIKE on a stored column: PostgreSQL serves it from the column's trigram index, or tests it in a
    walk of the rows at the cost of a string compare (registry/register/page_query.py).
    """
    return Q(ContainsFolded(F("search_text"), Fold(Value(text, output_field=CharField()))))


def register_sqlite_function(sender, connection, **kwargs) -> None:
    """connection_created receiver: give SQLite the function that PostgreSQL gets from a migration."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(FUNCTION, 1, fold, deterministic=True)
