"""match(): every criterion's outcome and its explanation, the score, and the ranking it gives."""

from datetime import date

import pytest

from placements.models import CandidateProfile, Opening
from placements.recruitment.matching import MET, NOT_MET, PARTLY, UNKNOWN, match, normalise_keywords, ranked
from tests.factories import ProgrammeFactory
from tests.placements.factories_recruitment import make_opening

SECTOR = "Food production"


@pytest.fixture
def opening(world):
    created = make_opening(
        world,
        city="Utrecht",
        country="NL",
        hours_per_week=32,
        start_date=date(2026, 9, 1),
        end_date=date(2027, 1, 31),
        required_skills=["baking", "hygiene", "customer contact"],
    )
    return Opening.objects.prefetch_related("programmes").get(pk=created.pk)


def profile(world, **kwargs):
    values = {
        "school": world.school,
        "programme": world.programme,
        "qualities": ["baking", "hygiene", "customer contact"],
        "preferred_sectors": ["food production"],
        "preferred_locations": ["utrecht"],
        "hours_per_week": 32,
        "available_from": date(2026, 8, 1),
        "available_until": date(2027, 6, 30),
    }
    values.update(kwargs)
    return CandidateProfile(learner=world.learner, **values)


def criterion(result, key):
    return next(c for c in result.criteria if c.key == key)


def test_a_perfect_fit_scores_100_without_touching_the_database(world, opening, django_assert_num_queries):
    fitting = profile(world)
    with django_assert_num_queries(0):
        result = match(opening, fitting, SECTOR)
    assert result.score == 100
    assert [c.key for c in result.met] == ["programme", "period", "hours", "location", "competencies", "sector"]
    assert result.confidence == 100


def test_programme(world, opening):
    assert criterion(match(opening, profile(world), SECTOR), "programme").explanation == (
        "Follows Medewerker bakkerij, one of the suitable programmes."
    )
    other = ProgrammeFactory(school=world.school, name="Kok")
    result = criterion(match(opening, profile(world, programme=other), SECTOR), "programme")
    assert (result.outcome, result.explanation) == (NOT_MET, "Follows Kok; the opening suits Medewerker bakkerij.")
    result = criterion(match(opening, profile(world, programme=None), SECTOR), "programme")
    assert (result.outcome, result.explanation) == (UNKNOWN, "The profile names no programme.")
    opening.programmes.set([])
    unlisted = Opening.objects.prefetch_related("programmes").get(pk=opening.pk)
    result = criterion(match(unlisted, profile(world), SECTOR), "programme")
    assert (result.outcome, result.explanation) == (UNKNOWN, "The opening lists no suitable programmes.")


@pytest.mark.parametrize(
    ("available_from", "available_until", "outcome", "explanation"),
    [
        (
            date(2026, 8, 1),
            date(2027, 6, 30),
            MET,
            "Available 1 Aug 2026 – 30 Jun 2027; the opening runs 1 Sep 2026 – 31 Jan 2027.",
        ),
        (
            date(2026, 10, 1),
            date(2027, 6, 30),
            PARTLY,
            "Available 1 Oct 2026 – 30 Jun 2027; the opening runs 1 Sep 2026 – 31 Jan 2027.",
        ),
        (
            date(2027, 2, 1),
            date(2027, 6, 30),
            NOT_MET,
            "Available 1 Feb 2027 – 30 Jun 2027; the opening runs 1 Sep 2026 – 31 Jan 2027.",
        ),
        (date(2026, 1, 1), None, MET, "Available from 1 Jan 2026; the opening runs 1 Sep 2026 – 31 Jan 2027."),
        (None, date(2026, 12, 1), PARTLY, "Available until 1 Dec 2026; the opening runs 1 Sep 2026 – 31 Jan 2027."),
        (None, None, UNKNOWN, "The profile gives no availability."),
    ],
)
def test_period(world, opening, available_from, available_until, outcome, explanation):
    fitting = profile(world, available_from=available_from, available_until=available_until)
    result = criterion(match(opening, fitting, SECTOR), "period")
    assert (result.outcome, result.explanation) == (outcome, explanation)


@pytest.mark.parametrize(
    ("hours", "outcome", "explanation"),
    [
        (36, MET, "Available 36 h a week; the opening asks 32 h."),
        (28, PARTLY, "Available 28 h a week; the opening asks 32 h."),
        (16, NOT_MET, "Available 16 h a week; the opening asks 32 h."),
        (None, UNKNOWN, "The profile gives no hours; the opening asks 32 h a week."),
    ],
)
def test_hours(world, opening, hours, outcome, explanation):
    result = criterion(match(opening, profile(world, hours_per_week=hours), SECTOR), "hours")
    assert (result.outcome, result.explanation) == (outcome, explanation)


@pytest.mark.parametrize(
    ("city", "country", "locations", "abroad", "outcome", "explanation"),
    [
        ("Utrecht", "NL", ["leiden", "utrecht"], False, MET, "Utrecht is one of the preferred locations."),
        ("Münster", "DE", ["leiden"], True, MET, "The opening is in Münster, Germany; willing to go abroad."),
        ("Münster", "DE", ["leiden"], False, NOT_MET, "The opening is in Münster, Germany; not willing to go abroad."),
        (
            "Utrecht",
            "NL",
            ["leiden", "delft"],
            False,
            PARTLY,
            "The opening is in Utrecht; the preferred locations are leiden, delft.",
        ),
        ("Utrecht", "NL", [], False, UNKNOWN, "The opening is in Utrecht; the profile names no preferred locations."),
    ],
)
def test_location(world, opening, city, country, locations, abroad, outcome, explanation):
    opening.city, opening.country = city, country
    fitting = profile(world, preferred_locations=locations, willing_abroad=abroad)
    result = criterion(match(opening, fitting, SECTOR), "location")
    assert (result.outcome, result.explanation) == (outcome, explanation)


@pytest.mark.parametrize(
    ("qualities", "outcome", "credit", "explanation"),
    [
        (
            ["customer contact", "bread baking", "hygiene"],
            MET,
            1.0,
            "All 3 required competencies are among the qualities: baking, hygiene, customer contact.",
        ),
        (
            ["Baking", "punctual"],
            PARTLY,
            1 / 3,
            "1 of 3 required competencies are among the qualities: baking. Missing: hygiene, customer contact.",
        ),
        (
            ["punctual"],
            NOT_MET,
            0.0,
            "None of the required competencies are among the qualities. Missing: baking, hygiene, customer contact.",
        ),
        (
            [],
            UNKNOWN,
            0.0,
            "The profile lists no qualities; the opening asks for baking, hygiene, customer contact.",
        ),
    ],
)
def test_required_competencies(world, opening, qualities, outcome, credit, explanation):
    result = criterion(match(opening, profile(world, qualities=qualities), SECTOR), "competencies")
    assert (result.outcome, result.explanation) == (outcome, explanation)
    assert result.credit == pytest.approx(credit)


def test_an_opening_without_required_competencies_is_unknown_not_met(world, opening):
    opening.required_skills = []
    result = criterion(match(opening, profile(world), SECTOR), "competencies")
    assert (result.outcome, result.explanation) == (UNKNOWN, "The opening lists no required competencies.")


@pytest.mark.parametrize(
    ("sectors", "outcome", "explanation"),
    [
        (["hospitality", "food production"], MET, "Food production is one of the preferred sectors."),
        (["care"], NOT_MET, "The company works in Food production; the preferred sectors are care."),
        ([], UNKNOWN, "The company works in Food production; the profile names no preferred sectors."),
    ],
)
def test_sector(world, opening, sectors, outcome, explanation):
    result = criterion(match(opening, profile(world, preferred_sectors=sectors), SECTOR), "sector")
    assert (result.outcome, result.explanation) == (outcome, explanation)


def test_score_weighs_each_criterion(world, opening):
    # Programme (25) and sector (10) not met; hours partly (15 / 2); the rest met: 20 + 7.5 + 15 + 15 = 57.5.
    other = ProgrammeFactory(school=world.school, name="Kok")
    result = match(opening, profile(world, programme=other, hours_per_week=30, preferred_sectors=["care"]), SECTOR)
    assert result.score == 58
    assert [c.key for c in result.not_met] == ["programme", "sector"]
    assert [c.key for c in result.partly] == ["hours"]


def test_unknown_data_earns_nothing_but_is_shown(world, opening):
    sparse = profile(
        world, programme=None, hours_per_week=None, available_from=None, available_until=None, qualities=[]
    )
    result = match(opening, sparse, SECTOR)
    assert [c.key for c in result.unknown] == ["programme", "period", "hours", "competencies"]
    assert len(result.criteria) == 6
    assert result.score == 25  # location 15 + sector 10
    assert result.confidence == 25


def test_no_profile_at_all_is_all_unknown(world, opening):
    result = match(opening, None, SECTOR)
    assert result.score == 0
    assert {c.outcome for c in result.criteria} == {UNKNOWN}
    assert result.criteria[0].explanation == "There is no candidate profile yet."


def test_ranking_puts_the_best_fit_first_and_explains_why(world, opening):
    strong = profile(world)
    short_of_hours = profile(world, hours_per_week=16)
    elsewhere = profile(world, preferred_locations=["groningen"], preferred_sectors=["care"], hours_per_week=16)
    order = ranked(
        [
            (name, match(opening, p, SECTOR))
            for name, p in [("elsewhere", elsewhere), ("strong", strong), ("short", short_of_hours)]
        ]
    )
    assert [name for name, _result in order] == ["strong", "short", "elsewhere"]
    assert [result.score for _name, result in order] == [100, 85, 68]
    assert criterion(order[1][1], "hours").explanation == "Available 16 h a week; the opening asks 32 h."


def test_keywords_are_normalised():
    assert normalise_keywords(["  Customer   Contact ", "HYGIENE", "hygiene", "", " "]) == [
        "customer contact",
        "hygiene",
    ]
