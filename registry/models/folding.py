"""werkmentor_fold(text): text as the registers compare it, accents off and in lower case.

The database function comes from registry migration 0003 (PostgreSQL, over unaccent) or is registered on every
SQLite connection (registry/register/search.py, which holds the Python side and the searches built on it).
It lives with the models because Certificate.search_text is computed by it.
"""

from django.db.models import CharField, Func

FUNCTION = "werkmentor_fold"


class Fold(Func):
    """werkmentor_fold(expression): the text as the register compares it (see registry/register/search.py)."""

    function = FUNCTION
    arity = 1
    output_field = CharField()
