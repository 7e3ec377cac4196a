"""Long lists on a page: one page of them at a time, or the first few with how many there are in all.

Either costs two queries however long the list grows (the count and the rows), so a placement with years of
history answers as fast as a new one.
"""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


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
