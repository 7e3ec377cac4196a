"""Which school added a company: a coordinator who adds a host company must be able to edit it (and invite its
first admin) before any of their learners is placed there, and no other school's coordinator may.

No extra field: the company's audit history already records its creation, and the creation row's change
reason names the school ("added for school 12"). History rows are never edited by the app, so the mark stays.
"""

from collections.abc import Iterable

from ..models import Company

REASON = "added for school {pk}"


def mark_added_for(company: Company, school_id: int | None) -> None:
    """Call before the company's first save: its creation history row then names the school."""
    if school_id is not None:
        company._change_reason = REASON.format(pk=school_id)


def company_ids_added_for(school_ids: Iterable[int]):
    """A subquery of the ids of companies added by coordinators of `school_ids` (empty without schools)."""
    reasons = [REASON.format(pk=pk) for pk in school_ids]
    if not reasons:
        return []
    return Company.history.filter(history_type="+", history_change_reason__in=reasons).values("id")
