"""Long lists on a page: one page of them at a time, or the first few with how many there are in all.

Either costs two queries however long the list grows (the count and the rows), so a placement with years of
history answers as fast as a new one.
"""

from collections.abc import Iterable

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from .choice_keys import whole_number


def page_of(items, request: HttpRequest, *, per_page: int, param: str = "page") -> Page:
    """The page of `items` the request names in `param`: the first for a missing or bad number, the last past the end.

    The page carries its parameter and the request's other parameters (`page.param`, `page.query`) for
    includes/_pagination.html, so on a page with several paged lists paging one keeps the others where they are.
    """
    page = Paginator(items, per_page).get_page(request.GET.get(param))
    others = request.GET.copy()
    others.pop(param, None)
    page.param = param
    page.query = others.urlencode()
    return page


def first_of(items, count: int) -> Page:
    """The first `count` of `items`; `page.paginator.count` says how many there are, `page.has_next` if more."""
    return Paginator(items, count).get_page(1)


def offered(scope: QuerySet, first: QuerySet, count: int, *, keep: Iterable = ()) -> QuerySet:
    """What a form's long choice list offers: the first `count` of `first`, and the rows of `scope` whose keys are
    in `keep` (the ones the form holds already: ticked before a form error, linked, chosen), whatever their place.

    One queryset of `scope` with the cap as a subquery, so the field still checks submitted values with one query:
    Django filters a field's queryset by the submitted keys, and a sliced queryset refuses that. Values in `keep`
    that are not keys are left out; the field refuses them by itself.
    """
    keys = [key for key in (whole_number(str(value)) for value in keep) if key is not None]
    return scope.filter(Q(pk__in=first.values("pk")[:count]) | Q(pk__in=keys))
