"""How well a learner's candidate profile fits an opening's work profile (job finding: the match).

Pure functions: the caller loads the opening with its programmes prefetched and the profile with its
programme and school, so ranking a whole school or every published opening costs a fixed number of queries.
Missing data is never guessed: the criterion is "unknown", earns nothing and is shown with the others, so a
score based on little is visible as such.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.countries import COUNTRIES

MET, PARTLY, NOT_MET, UNKNOWN = "met", "partly", "not met", "unknown"
OUTCOME_LABELS = {
    MET: gettext_lazy("met"),
    PARTLY: gettext_lazy("partly met"),
    NOT_MET: gettext_lazy("not met"),
    UNKNOWN: gettext_lazy("unknown"),
}
# A programme fit weighs most: the school can only count a placement that suits the learner's qualification.
WEIGHTS = {"programme": 25, "period": 20, "hours": 15, "location": 15, "competencies": 15, "sector": 10}
LABELS = {
    "programme": gettext_lazy("Programme"),
    "period": gettext_lazy("Period"),
    "hours": gettext_lazy("Hours per week"),
    "location": gettext_lazy("Location"),
    "competencies": gettext_lazy("Required competencies"),
    "sector": gettext_lazy("Sector"),
}
HOURS_TOLERANCE = 4
HOME_COUNTRY = "NL"
_COUNTRY_NAMES = dict(COUNTRIES)


@dataclass(frozen=True)
class CriterionResult:
    key: str
    label: str
    outcome: str
    explanation: str
    credit: float = 0.0  # share of the criterion's weight earned, 0..1

    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS[self.outcome]

    @property
    def weight(self) -> int:
        return WEIGHTS[self.key]


@dataclass(frozen=True)
class MatchResult:
    score: int
    criteria: list[CriterionResult]

    def _with(self, outcome: str) -> list[CriterionResult]:
        return [criterion for criterion in self.criteria if criterion.outcome == outcome]

    @property
    def met(self) -> list[CriterionResult]:
        return self._with(MET)

    @property
    def partly(self) -> list[CriterionResult]:
        return self._with(PARTLY)

    @property
    def not_met(self) -> list[CriterionResult]:
        return self._with(NOT_MET)

    @property
    def unknown(self) -> list[CriterionResult]:
        return self._with(UNKNOWN)

    @property
    def confidence(self) -> int:
        """The share (0–100) of the weight that rests on known data."""
        known = sum(criterion.weight for criterion in self.criteria if criterion.outcome != UNKNOWN)
        return round(100 * known / sum(WEIGHTS.values()))


def normalise_keyword(text: str) -> str:
    return " ".join(str(text).split()).lower()


def normalise_keywords(values) -> list[str]:
    """Trimmed, lower-case and without repeats, in the order given; empty entries dropped."""
    seen: list[str] = []
    for value in values:
        keyword = normalise_keyword(value)
        if keyword and keyword not in seen:
            seen.append(keyword)
    return seen


def _contains(keyword: str, pool: list[str]) -> bool:
    """A keyword is found when it equals an entry or one holds the other as whole words ("baking" in "bread baking")."""
    padded = f" {keyword} "
    return any(keyword == other or padded in f" {other} " or f" {other} " in padded for other in pool)


def _day(value: date) -> str:
    return formats.date_format(value, "j M Y")


def country_name(code: str) -> str:
    return str(_COUNTRY_NAMES.get(code, code))


def _listing(values) -> str:
    return ", ".join(str(value) for value in values)


def _result(key: str, outcome: str, explanation: str, credit: float | None = None) -> CriterionResult:
    if credit is None:
        credit = {MET: 1.0, PARTLY: 0.5}.get(outcome, 0.0)
    return CriterionResult(key, str(LABELS[key]), outcome, explanation, credit)


def _programme(opening, profile) -> CriterionResult:
    programmes = list(opening.programmes.all())
    if not programmes:
        return _result("programme", UNKNOWN, _("The opening lists no suitable programmes."))
    if profile.programme_id is None:
        return _result("programme", UNKNOWN, _("The profile names no programme."))
    if profile.programme_id in {programme.pk for programme in programmes}:
        return _result(
            "programme",
            MET,
            _("Follows %(programme)s, one of the suitable programmes.") % {"programme": profile.programme.name},
        )
    return _result(
        "programme",
        NOT_MET,
        _("Follows %(programme)s; the opening suits %(programmes)s.")
        % {"programme": profile.programme.name, "programmes": _listing(p.name for p in programmes)},
    )


def _availability(profile) -> str:
    start, end = profile.available_from, profile.available_until
    if start and end:
        return _("Available %(start)s – %(end)s") % {"start": _day(start), "end": _day(end)}
    if start:
        return _("Available from %(start)s") % {"start": _day(start)}
    return _("Available until %(end)s") % {"end": _day(end)}


def _period(opening, profile) -> CriterionResult:
    if not profile.available_from and not profile.available_until:
        return _result("period", UNKNOWN, _("The profile gives no availability."))
    # An open end means available without a limit on that side.
    start = profile.available_from or date.min
    end = profile.available_until or date.max
    explanation = _("%(availability)s; the opening runs %(start)s – %(end)s.") % {
        "availability": _availability(profile),
        "start": _day(opening.start_date),
        "end": _day(opening.end_date),
    }
    if start <= opening.start_date and end >= opening.end_date:
        return _result("period", MET, explanation)
    if start <= opening.end_date and end >= opening.start_date:
        return _result("period", PARTLY, explanation)
    return _result("period", NOT_MET, explanation)


def _hours(opening, profile) -> CriterionResult:
    if profile.hours_per_week is None:
        return _result(
            "hours",
            UNKNOWN,
            _("The profile gives no hours; the opening asks %(required)s h a week.")
            % {"required": opening.hours_per_week},
        )
    explanation = _("Available %(available)s h a week; the opening asks %(required)s h.") % {
        "available": profile.hours_per_week,
        "required": opening.hours_per_week,
    }
    if profile.hours_per_week >= opening.hours_per_week:
        return _result("hours", MET, explanation)
    if opening.hours_per_week - profile.hours_per_week <= HOURS_TOLERANCE:
        return _result("hours", PARTLY, explanation)
    return _result("hours", NOT_MET, explanation)


def _location(opening, profile) -> CriterionResult:
    city = normalise_keyword(opening.city)
    home = (profile.school.country if profile.school_id else "") or HOME_COUNTRY
    abroad = opening.country != home
    preferred = normalise_keywords(profile.preferred_locations)
    if city and _contains(city, preferred):
        return _result("location", MET, _("%(city)s is one of the preferred locations.") % {"city": opening.city})
    where = {"city": opening.city, "country": country_name(opening.country)}
    if abroad and profile.willing_abroad:
        return _result("location", MET, _("The opening is in %(city)s, %(country)s; willing to go abroad.") % where)
    if abroad:
        return _result(
            "location", NOT_MET, _("The opening is in %(city)s, %(country)s; not willing to go abroad.") % where
        )
    if not preferred:
        return _result(
            "location",
            UNKNOWN,
            _("The opening is in %(city)s; the profile names no preferred locations.") % {"city": opening.city},
        )
    return _result(
        "location",
        PARTLY,
        _("The opening is in %(city)s; the preferred locations are %(places)s.")
        % {"city": opening.city, "places": _listing(preferred)},
    )


def _competencies(opening, profile) -> CriterionResult:
    required = normalise_keywords(opening.required_skills)
    if not required:
        return _result("competencies", UNKNOWN, _("The opening lists no required competencies."))
    qualities = normalise_keywords(profile.qualities)
    if not qualities:
        return _result(
            "competencies",
            UNKNOWN,
            _("The profile lists no qualities; the opening asks for %(required)s.") % {"required": _listing(required)},
        )
    found = [keyword for keyword in required if _contains(keyword, qualities)]
    missing = [keyword for keyword in required if keyword not in found]
    share = len(found) / len(required)
    counts = {"found": len(found), "required": len(required)}
    if not missing:
        outcome = MET
        explanation = _("All %(required)s required competencies are among the qualities: %(list)s.") % {
            **counts,
            "list": _listing(found),
        }
    elif found:
        outcome = PARTLY
        explanation = _(
            "%(found)s of %(required)s required competencies are among the qualities: %(list)s. Missing: %(missing)s."
        ) % {
            **counts,
            "list": _listing(found),
            "missing": _listing(missing),
        }
    else:
        outcome = NOT_MET
        explanation = _("None of the required competencies are among the qualities. Missing: %(missing)s.") % {
            "missing": _listing(missing)
        }
    return _result("competencies", outcome, explanation, credit=share)


def _sector(profile, company_sector: str) -> CriterionResult:
    sector = normalise_keyword(company_sector or "")
    preferred = normalise_keywords(profile.preferred_sectors)
    if not sector:
        return _result("sector", UNKNOWN, _("The company's sector is not known."))
    if not preferred:
        return _result(
            "sector",
            UNKNOWN,
            _("The company works in %(sector)s; the profile names no preferred sectors.") % {"sector": company_sector},
        )
    if _contains(sector, preferred):
        return _result("sector", MET, _("%(sector)s is one of the preferred sectors.") % {"sector": company_sector})
    return _result(
        "sector",
        NOT_MET,
        _("The company works in %(sector)s; the preferred sectors are %(sectors)s.")
        % {"sector": company_sector, "sectors": _listing(preferred)},
    )


def match(opening, profile, company_sector: str) -> MatchResult:
    """Score (0–100) and explain how `profile` fits `opening`; `profile` may be None (nothing known)."""
    if profile is None:
        criteria = [_result(key, UNKNOWN, _("There is no candidate profile yet.")) for key in WEIGHTS]
    else:
        criteria = [
            _programme(opening, profile),
            _period(opening, profile),
            _hours(opening, profile),
            _location(opening, profile),
            _competencies(opening, profile),
            _sector(profile, company_sector),
        ]
    earned = sum(criterion.weight * criterion.credit for criterion in criteria)
    return MatchResult(score=round(100 * earned / sum(WEIGHTS.values())), criteria=criteria)


def ranked(pairs):
    """(item, MatchResult) pairs, best first; equal scores keep the caller's order (stable sort)."""
    return sorted(pairs, key=lambda pair: -pair[1].score)
