"""Pairs of look-alike companies judged to be different companies: marking them, undoing that, and reading them.

A coordinator marks a pair only when they keep both companies (`managed_companies`: staff all, a coordinator
those hosting their school's learners), and sees and undoes only such pairs. A marked pair is no longer offered
as a possible duplicate (duplicates.duplicates_among leaves it out).
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext as _

from accounts.models import Company, CompanyNotDuplicate, User


def _ordered(a: Company, b: Company) -> tuple[Company, Company]:
    return (a, b) if a.pk < b.pk else (b, a)


def _rows_of(a: Company, b: Company) -> QuerySet[CompanyNotDuplicate]:
    # A merge may have moved a row so that its first company has the higher id: both orders are looked at.
    return CompanyNotDuplicate.objects.filter(Q(first=a, second=b) | Q(first=b, second=a))


def marked_pairs(companies: QuerySet[Company]) -> list[CompanyNotDuplicate]:
    """The marked pairs of which both companies are among `companies`, newest first (one query)."""
    return list(
        CompanyNotDuplicate.objects.filter(first__in=companies.values("pk"), second__in=companies.values("pk"))
        .exclude(first=F("second"))  # a pair merged into one company says nothing any more
        .select_related("first", "second", "marked_by")
    )


def marked_keys(pairs: list[CompanyNotDuplicate]) -> set[tuple[int, int]]:
    return {(min(p.first_id, p.second_id), max(p.first_id, p.second_id)) for p in pairs}


@transaction.atomic
def mark_not_duplicate(*, company: Company, other: Company, by: User) -> CompanyNotDuplicate:
    """Record that the two are different companies (once: marking again keeps the first mark)."""
    if company.pk == other.pk:
        raise ValidationError(_("A company is always the same as itself. Choose two different companies."))
    existing = _rows_of(company, other).first()
    if existing is not None:
        return existing
    first, second = _ordered(company, other)
    row = CompanyNotDuplicate(first=first, second=second, marked_by=by)
    row._history_user = by
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:  # marked at the same moment by someone else: theirs stands
        return _rows_of(company, other).get()
    return row


@transaction.atomic
def unmark_not_duplicate(*, company: Company, other: Company, by: User) -> int:
    """Undo the mark: the pair is offered as a possible duplicate again. The number of marks removed."""
    removed = 0
    for row in _rows_of(company, other).select_for_update():
        row._history_user = by
        row.delete()
        removed += 1
    return removed
