"""Who, at a school, holds a student or employee number.

The numbers are kept by apps above accounts (placements keeps the learners' student numbers), which accounts
may not import: they register a lookup here when they load (`PlacementsConfig.ready`), as assessments gives
mentoring its competencies.
"""

from collections.abc import Callable, Iterable

from ..models import School

# (school, number) -> the primary keys of the people at that school who hold that number now.
NumberLookup = Callable[[School, str], Iterable[int]]
_lookups: list[NumberLookup] = []


def register_number_lookup(lookup: NumberLookup) -> None:
    if lookup not in _lookups:
        _lookups.append(lookup)


def user_ids_with_number(school: School, number: str) -> set[int]:
    number = number.strip()
    if not number:
        return set()
    found: set[int] = set()
    for lookup in _lookups:
        found.update(lookup(school, number))
    return found
