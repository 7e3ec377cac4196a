"""Search-as-you-type look-ups: what a combobox (core/combobox.py) searches, and the JSON endpoint that answers it.

A select that lists a national table (every company, learner or programme) made forms megabytes long at real
scale. A `Lookup` says which columns a typed text is compared with and how a row is labelled; an app's view
decides the scope (the same queryset its form's field validates against) and hands both to `lookup_response`.

Matching is accent-blind and case-blind through the database function werkmentor_fold (PostgreSQL: registry
migration 0003, over unaccent, with a trigram index on the company's name; SQLite: registered on every
connection by the registry app). Every word typed must occur in one of the columns. One query per look-up,
whatever the text: at most CAP rows plus one to say whether there are more.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import CharField, Func, Model, Q, QuerySet, Value
from django.db.models.lookups import Contains
from django.http import JsonResponse
from django.utils.translation import gettext as _

CAP = 20
MAX_TEXT = 100
MAX_WORDS = 5


class Fold(Func):
    """werkmentor_fold(expression): lower case, accents off (see the module's docstring for where it lives)."""

    function = "werkmentor_fold"
    arity = 1
    output_field = CharField()


def contains_folded(field: str, word: str) -> Q:
    return Q(Contains(Fold(field), Fold(Value(word, output_field=CharField()))))


@dataclass(frozen=True)
class Lookup:
    fields: tuple[str, ...]
    label: Callable[[Model], str]
    order_by: tuple[str, ...]
    select_related: tuple[str, ...] = ()

    def search(self, queryset: QuerySet, text: str) -> QuerySet:
        for word in text.split()[:MAX_WORDS]:
            queryset = queryset.filter(reduce(or_, (contains_folded(field, word) for field in self.fields)))
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        return queryset.order_by(*self.order_by)

    def matches(self, queryset: QuerySet, text: str, cap: int = CAP) -> tuple[list[Model], bool]:
        """The first `cap` matches and whether there are more."""
        rows = list(self.search(queryset, text)[: cap + 1])
        return rows[:cap], len(rows) > cap


def searched_text(request, name: str = "q") -> str:
    """What a list page's search box sent: stripped, at most MAX_TEXT characters, without NUL (PostgreSQL text holds
    none, and a search is no place to refuse one)."""
    return request.GET.get(name, "").replace("\x00", "").strip()[:MAX_TEXT]


def text_problem(text: str) -> str | None:
    """Why a typed text cannot be looked up, or None."""
    if len(text) > MAX_TEXT:
        return _("Type at most %(max)s characters.") % {"max": MAX_TEXT}
    if any(ord(char) < 32 for char in text):
        return _("The text contains control characters.")
    return None


def lookup_response(request, queryset: QuerySet, lookup: Lookup) -> JsonResponse:
    """The matches within `queryset` for ?q=, as {"results": [{"id", "label"}], "more": bool}; 400 with a reason
    for a text that cannot be searched. An empty text lists the first matches in order (a short scope then shows
    whole, a long one invites typing)."""
    text = request.GET.get("q", "")
    problem = text_problem(text)
    if problem:
        return JsonResponse({"error": problem}, status=400)
    rows, more = lookup.matches(queryset, text.strip())
    results = [{"id": row.pk, "label": lookup.label(row)} for row in rows]
    return JsonResponse({"results": results, "more": more}, headers={"Cache-Control": "private, no-store"})
