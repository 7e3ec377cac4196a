"""Which companies host (or hosted) learners of given schools.

Placements know that, and accounts may not import placements (the layers in docs/architecture.md), so
PlacementsConfig.ready registers the answer here when it loads. Without it no company hosts anyone, and a
coordinator edits no company (a company admin and staff still do).
"""

from collections.abc import Callable, Iterable

from django.db.models import QuerySet

_provider: Callable[[Iterable[int]], QuerySet] | None = None


def provide(company_ids_hosting: Callable[[Iterable[int]], QuerySet]) -> None:
    """Register a function: school ids -> a queryset of values("company_id") of their placements."""
    global _provider
    _provider = company_ids_hosting


def company_ids_hosting(school_ids: Iterable[int]):
    """A subquery of the ids of companies that host learners of `school_ids` (empty without schools)."""
    school_ids = list(school_ids)
    if _provider is None or not school_ids:
        return []
    return _provider(school_ids)
