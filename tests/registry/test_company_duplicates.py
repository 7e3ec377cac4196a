"""Possible duplicates among host companies: how they are found, who sees them, and what the page costs."""

import random

import pytest
from django.urls import reverse

from registry.register.companies import duplicates
from registry.register.companies.duplicates import (
    Candidate,
    find_duplicates,
    normalised_city,
    normalised_name,
    registration_digits,
)
from tests.factories import CompanyFactory, make_placement


def candidate(pk, name, city="Utrecht", registration_number="", country="NL"):
    return Candidate(pk, name, city, country, registration_number)


def pairs_of(*candidates):
    return {(p.first.pk, p.second.pk): p for p in find_duplicates(list(candidates))}


@pytest.mark.parametrize(
    "name, normalised",
    [
        ("Bakkerij De Korenschoof B.V.", "bakkerij de korenschoof"),
        ("bakkerij de korenschoof BV", "bakkerij de korenschoof"),
        ("Café Ümit V.O.F.", "cafe umit"),
        ("Garage 't Hoekje (Eenmanszaak)", "garage t hoekje"),
        ("Stichting Zorg & Welzijn", "zorg welzijn"),
        ("B.V.", "bv"),  # nothing but a legal form stays itself
    ],
)
def test_names_are_compared_without_case_accents_punctuation_and_legal_form(name, normalised):
    assert normalised_name(name) == normalised


def test_cities_and_registration_numbers_are_normalised():
    assert normalised_city("  's-Hertogenbosch ") == normalised_city("S-HERTOGENBOSCH") == "s hertogenbosch"
    assert registration_digits("KvK 1234 5678") == registration_digits("12345678") == "12345678"


def test_the_same_kvk_number_however_written_is_a_pair_even_with_other_names():
    pairs = pairs_of(
        candidate(1, "Bakkerij Korenschoof", registration_number="1234 5678"),
        candidate(2, "De Korenschoof Holding", city="Amsterdam", registration_number="KvK 12345678"),
        candidate(3, "Other", registration_number="87654321"),
        candidate(4, "Elsewhere", registration_number="12345678", country="DE"),  # another country's register
    )
    assert set(pairs) == {(1, 2)}
    assert pairs[(1, 2)].same_registration and not pairs[(1, 2)].same_name


def test_the_same_or_a_similar_name_in_the_same_city_is_a_pair():
    pairs = pairs_of(
        candidate(1, "Bakkerij De Korenschoof B.V."),
        candidate(2, "bakkerij de korenschoof", city="UTRECHT "),
        candidate(3, "Bakkerij de Korenschoot"),  # a typing error
        candidate(4, "Bakkerij Het Zuiden"),
        candidate(5, "Slagerij De Korenschoof"),
    )
    assert set(pairs) == {(1, 2), (1, 3), (2, 3)}
    assert pairs[(1, 2)].same_name and pairs[(1, 2)].similarity is None
    assert pairs[(1, 3)].similarity >= 0.9 and not pairs[(1, 3)].same_name


def test_the_same_name_in_another_city_is_not_a_pair():
    assert pairs_of(candidate(1, "Hema"), candidate(2, "HEMA B.V.", city="Amsterdam")) == {}


def test_the_most_certain_pairs_come_first():
    pairs = find_duplicates(
        [
            candidate(1, "Bakkerij de Korenschoot"),
            candidate(2, "Bakkerij de Korenschoof"),
            candidate(3, "Zorg Prima", registration_number="11112222"),
            candidate(4, "Prima Zorg", registration_number="11112222"),
            candidate(5, "Hotel Bijna"),
            candidate(6, "hotel bijna bv"),
        ]
    )
    assert [(p.first.pk, p.second.pk) for p in pairs] == [(3, 4), (5, 6), (1, 2)]


def test_thousands_of_companies_are_compared_in_small_groups_and_typing_errors_are_found(monkeypatch):
    """5,100 companies, 3,000 of them in one city: grouped by city and by distinctive words, so difflib's exact
    (slow) ratio is asked for a tiny share of the 4.5 million pairs in that city, and the records typed twice are
    still found. The time it takes is measured by bench, not here."""
    exact_ratios = []

    class CountingMatcher(duplicates.SequenceMatcher):
        def ratio(self):
            exact_ratios.append(1)
            return super().ratio()

    monkeypatch.setattr(duplicates, "SequenceMatcher", CountingMatcher)
    rng = random.Random(15)
    sectors = ["Bakkerij", "Garage", "Kapsalon", "Hotel", "Bouwbedrijf", "Thuiszorg", "Drukkerij", "Fietsenmaker"]
    syllables = ["ba", "be", "bo", "de", "di", "ka", "ke", "ko", "la", "le", "lo", "ma", "me", "na", "ne", "ra",
                 "re", "sa", "se", "ta", "te", "va", "wi", "zo", "ber", "ten", "wijk", "hof"]  # fmt: skip

    def word():
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()

    candidates = [
        candidate(n, f"{rng.choice(sectors)} {word()} {word() if n % 3 else ''} B.V.", city=f"City {min(n % 50, 20)}")
        for n in range(5000)
    ]
    typed_twice = []
    for n in range(5000, 5100):
        original = candidates[rng.randrange(5000)]
        letters = list(original.name)
        letters[rng.randrange(len(letters) - 5)] = "x"  # one typing error, not in the legal form
        candidates.append(candidate(n, "".join(letters).replace(" B.V.", ""), city=original.city))
        typed_twice.append((original.pk, n))
    pairs = find_duplicates(candidates)
    assert 0 < len(exact_ratios) < 2_000
    found = {(p.first.pk, p.second.pk) for p in pairs}
    assert len(found & set(typed_twice)) >= 95


# --- The page --------------------------------------------------------------------------------------------------


@pytest.fixture
def doubles(world):
    """A second record of the world's bakery (hosting a learner of world.school), and a pair at another school."""
    twin = CompanyFactory(name="Bakkerij de Korenschoof B.V.", city=world.company.city)
    make_placement(school=world.school, company=twin)
    elsewhere = [CompanyFactory(name="Garage Noord", city="Groningen", registration_number=n) for n in ("1", "01")]
    for company in elsewhere:
        make_placement(school=world.other_school, company=company)
    return twin, elsewhere


@pytest.mark.parametrize(
    "role, status", [("coordinator", 200), ("staff", 200), ("supervisor", 403), ("mentor", 403),
                     ("company_admin", 403), ("learner", 403)],
)  # fmt: skip
def test_who_may_see_the_possible_duplicates(client, world, doubles, role, status):
    client.force_login(getattr(world, role))
    assert client.get(reverse("company_duplicates")).status_code == status


def test_a_coordinator_sees_the_pairs_among_the_companies_hosting_their_learners(client, world, doubles):
    twin, elsewhere = doubles

    def pairs_for(user):
        client.force_login(user)
        response = client.get(reverse("company_duplicates"))
        return {frozenset((p.first.pk, p.second.pk)) for p in response.context["pairs"]}, response

    pairs, response = pairs_for(world.coordinator)
    assert pairs == {frozenset((world.company.pk, twin.pk))}
    assert reverse("company_merge", args=[world.company.pk, twin.pk]) in response.text
    assert reverse("company_merge", args=[twin.pk, world.company.pk]) in response.text
    assert pairs_for(world.other_coordinator)[0] == {frozenset(c.pk for c in elsewhere)}
    assert pairs_for(world.staff)[0] == {frozenset((world.company.pk, twin.pk)), frozenset(c.pk for c in elsewhere)}


def test_the_page_is_linked_from_the_register_for_those_who_keep_it(client, world, doubles):
    client.force_login(world.coordinator)
    assert reverse("company_duplicates") in client.get(reverse("company_register")).text
    client.force_login(world.supervisor)
    assert reverse("company_duplicates") not in client.get(reverse("company_register")).text


def test_the_duplicates_page_costs_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    """Session, user, roles, the companies, the pairs marked as different and the placement counts: the same for
    50 companies as for 5."""
    for n in range(25):
        for name in (f"Host {n:02d} B.V.", f"host {n:02d}"):
            make_placement(school=world.school, company=CompanyFactory(name=name, city=f"City {n % 4}"))
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("company_duplicates"))
    assert response.status_code == 200
    assert len(response.context["pairs"]) == 25
