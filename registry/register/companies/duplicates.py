"""Possible duplicates among host companies: the same KvK number, or a (nearly) equal name in the same place.

Companies come into the register from imports, from coordinators of several schools and from the admin, so the
same bakery turns up as "Bakkerij De Korenschoof B.V." and "Bakkerij de Korenschoof". Names are compared after
normalising (case, accents, punctuation and legal forms removed), and only within one city: comparing every
pair of a few thousand companies would take seconds, comparing within a city takes milliseconds, and two
branches in different cities are not duplicates anyway.
"""

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from itertools import combinations

from django.db.models import Count, QuerySet

from accounts.models import Company
from placements.models import Placement

SIMILAR = 0.9  # difflib ratio from which two normalised names in one city are probably the same company
KEY_LETTERS = 3  # names are compared with those sharing the first or last letters of a distinctive word
COMMON_WORD_MIN, COMMON_WORD_SHARE = 20, 0.02  # a word in more of a city's names than both says little
MAX_PAIRS = 200  # a longer list is not worked through in one sitting; the rest shows after these are merged
# Legal forms (Dutch, Belgian, German, English, French) say nothing about which company it is. Dots are removed
# before words are split, so "B.V." and "b.v" both become "bv".
LEGAL_FORMS = frozenset(
    ["bv", "nv", "vof", "cv", "ua", "wa", "eenmanszaak", "maatschap", "stichting", "vereniging", "cooperatie"]
    + ["bvba", "sprl", "srl", "sa", "sarl", "sas", "gmbh", "ag", "kg", "ohg", "ug", "ltd", "llc", "inc", "plc"]
)
_DOTS = re.compile(r"\.")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_NOT_DIGIT = re.compile(r"\D+")


def _plain(text: str) -> str:
    """Lower case without accents: 'Café Ümit' → 'cafe umit'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def normalised_name(name: str) -> str:
    words = _NOT_WORD.sub(" ", _DOTS.sub("", _plain(name))).split()
    kept = [word for word in words if word not in LEGAL_FORMS]
    return " ".join(kept or words)  # a name that is only a legal form stays itself


def normalised_city(city: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", _plain(city)).split())


def registration_digits(number: str) -> str:
    return _NOT_DIGIT.sub("", number or "")


@dataclass(frozen=True)
class Candidate:
    pk: int
    name: str
    city: str
    country: str
    registration_number: str
    placements: int = 0


@dataclass
class DuplicatePair:
    first: Candidate
    second: Candidate
    same_registration: bool = False
    same_name: bool = False
    similarity: float | None = None  # of the normalised names, when similar but not equal

    @property
    def percent(self) -> int | None:
        return None if self.similarity is None else int(self.similarity * 100)


def _blocks(members: list[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    """The city's names grouped by the first and by the last letters of each of their distinctive words.

    Names that are 90% alike share a distinctive word's start or end: one typing error leaves either intact.
    The words that many companies of the city use ("bakkerij", "de", "van") are left out, so only names that
    are anything alike meet, and a city with thousands of companies costs thousands of comparisons, not millions.
    """
    words_of = {pk: name.split() for name, pk in members}
    frequency = Counter(word for words in words_of.values() for word in set(words))
    common = max(COMMON_WORD_MIN, len(members) * COMMON_WORD_SHARE)
    blocks: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for name, pk in members:
        words = words_of[pk]
        distinctive = [word for word in words if frequency[word] <= common] or ["".join(words)]
        keys = {(end, word[:KEY_LETTERS] if end == "start" else word[-KEY_LETTERS:]) for word in distinctive
                for end in ("start", "end")}  # fmt: skip
        for key in keys:
            blocks[key].append((name, pk))
    return [block for block in blocks.values() if len(block) > 1]


def _similar_names(members: list[tuple[str, int]]) -> dict[tuple[int, int], float | None]:
    """{(pk, pk): ratio, or None when equal} for the pairs of one city whose normalised names are (nearly) equal.

    Within a group, names are sorted by length: a ratio of at least SIMILAR needs the shorter name to be at least
    SIMILAR/(2-SIMILAR) of the longer one, so each name meets only the few of about its length. Before difflib's
    exact ratio, its upper bound is asked (the letters the two names have in common, as difflib's quick_ratio,
    from letter counts made once per name).
    """
    found: dict[tuple[int, int], float | None] = {}
    compared: set[tuple[int, int]] = set()
    letters = {pk: Counter(name) for name, pk in members}
    shortest_share = SIMILAR / (2 - SIMILAR)
    matcher = SequenceMatcher(autojunk=False)
    for block in _blocks(members):
        ordered = sorted(block, key=lambda member: (len(member[0]), member[1]))
        for i, (name, pk) in enumerate(ordered):
            counts, matcher_name = letters[pk], None
            for other, other_pk in ordered[i + 1 :]:
                if len(name) < shortest_share * len(other):
                    break
                key = (min(pk, other_pk), max(pk, other_pk))
                if key in compared:
                    continue
                compared.add(key)
                if other == name:
                    found[key] = None
                    continue
                other_counts = letters[other_pk]
                common = sum(min(n, other_counts[letter]) for letter, n in counts.items() if letter in other_counts)
                if 2 * common < SIMILAR * (len(name) + len(other)):
                    continue
                if matcher_name is None:
                    matcher.set_seq2(name)  # difflib caches what it learns about the second sequence
                    matcher_name = name
                matcher.set_seq1(other)
                ratio = matcher.ratio()
                if ratio >= SIMILAR:
                    found[key] = ratio
    return found


def find_duplicates(candidates: list[Candidate]) -> list[DuplicatePair]:
    """The pairs among `candidates` that are probably one company, most certain first."""
    by_pk = {candidate.pk: candidate for candidate in candidates}
    pairs: dict[tuple[int, int], DuplicatePair] = {}

    def pair(a: int, b: int) -> DuplicatePair:
        key = (min(a, b), max(a, b))
        if key not in pairs:
            pairs[key] = DuplicatePair(by_pk[key[0]], by_pk[key[1]])
        return pairs[key]

    by_registration: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_city: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for candidate in candidates:
        digits = registration_digits(candidate.registration_number)
        if digits:
            by_registration[(candidate.country, digits)].append(candidate.pk)
        by_city[(candidate.country, normalised_city(candidate.city))].append(
            (normalised_name(candidate.name), candidate.pk)
        )
    for pks in by_registration.values():
        for a, b in combinations(pks, 2):
            pair(a, b).same_registration = True
    for members in by_city.values():
        if len(members) > 1:
            for (a, b), ratio in _similar_names(members).items():
                found = pair(a, b)
                found.same_name, found.similarity = ratio is None, ratio
    return sorted(
        pairs.values(),
        key=lambda p: (not p.same_registration, not p.same_name, -(p.similarity or 1), p.first.name, p.second.name),
    )


def duplicates_among(
    companies: QuerySet[Company], *, limit: int = MAX_PAIRS, not_duplicates: set[tuple[int, int]] = frozenset()
) -> tuple[list[DuplicatePair], int]:
    """The first `limit` duplicate pairs among `companies` and how many there are: two queries in all.
    Pairs in `not_duplicates` ((lower pk, higher pk), judged to be different companies) are left out."""
    rows = companies.order_by().values_list("pk", "name", "city", "country", "registration_number")
    pairs = [
        p for p in find_duplicates([Candidate(*row) for row in rows]) if (p.first.pk, p.second.pk) not in not_duplicates
    ]
    shown = pairs[:limit]
    ids = {c.pk for p in shown for c in (p.first, p.second)}
    if ids:
        counts = dict(
            Placement.objects.filter(company_id__in=sorted(ids))
            .order_by()
            .values("company_id")
            .annotate(n=Count("pk"))
            .values_list("company_id", "n")
        )
        for p in shown:
            p.first = replace(p.first, placements=counts.get(p.first.pk, 0))
            p.second = replace(p.second, placements=counts.get(p.second.pk, 0))
    return shown, len(pairs)
