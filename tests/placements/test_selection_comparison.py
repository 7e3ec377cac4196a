"""The comparison of candidates: averages, spread and sheets per criterion, shown per column once one may read it."""

import pytest
from django.urls import reverse

from accounts.models import Role
from tests.factories import person

from .factories_recruitment import add_criteria, make_candidate, make_opening, score


@pytest.fixture
def opening(world):
    opening = make_opening(world)
    add_criteria(opening)
    return opening


def url(opening, **query):
    return reverse("selection_comparison", args=[opening.pk]) + ("?names=1" if query.get("names") else "")


def learners(world, count):
    return [person(Role.LEARNER, world.school, email=f"learner{n}@example.org") for n in range(count)]


@pytest.mark.parametrize(
    ("who", "status"), [("company_admin", 200), ("mentor", 200), ("supervisor", 403), ("colleague_teacher", 403)]
)
def test_who_sees_the_comparison(client, world, opening, who, status):
    client.force_login(getattr(world, who))
    assert client.get(url(opening)).status_code == status


def test_outsiders_do_not_find_the_comparison_of_a_draft_opening(client, world):
    draft = make_opening(world, status="draft")
    client.force_login(world.other_company_admin)
    assert client.get(url(draft)).status_code == 404


def test_average_spread_sheets_and_total(client, world, opening):
    candidate = make_candidate(opening, world.other_learner, "A")
    score(candidate, world.mentor, [2, 4, 5])
    score(candidate, world.colleague_mentor, [4, 4, 1])
    client.force_login(world.company_admin)
    page = client.get(url(opening)).content.decode()
    assert "<strong>3.0</strong>" in page  # hygiene: (2 + 4) / 2
    assert "2–4 · 2 sheets" in page
    assert "4–4 · 2 sheets" in page
    assert "1–5 · 2 sheets" in page
    assert "10.0" in page  # 3 + 4 + 3
    assert "2 of 2" in page


def test_an_interviewer_sees_only_the_columns_they_scored(client, world, opening):
    scored, unscored = (
        make_candidate(opening, world.other_learner, "A"),
        make_candidate(opening, learners(world, 1)[0], "B"),
    )
    score(scored, world.colleague_mentor, [1, 1, 1])
    score(unscored, world.colleague_mentor, [5, 5, 5])
    score(scored, world.mentor, [3, 3, 3])
    client.force_login(world.mentor)
    page = client.get(url(opening)).content.decode()
    assert "2–3 · 2 sheets" not in page  # (sanity: the shape of a cell)
    assert "1–3 · 2 sheets" in page  # candidate A: the colleague's 1 and my 3
    assert "5.0" not in page and "15.0" not in page  # candidate B's scores stay hidden
    assert "submit your sheet to see the scores" in page


@pytest.mark.parametrize("count", [1, 6])
def test_the_comparison_takes_a_fixed_number_of_queries(client, world, opening, count, django_assert_max_num_queries):
    for index, learner in enumerate(learners(world, count)):
        candidate = make_candidate(opening, learner, f"Candidate {index}")
        score(candidate, world.mentor, [3, 4, 5])
        score(candidate, world.colleague_mentor, [2, 3, 4])
    client.force_login(world.company_admin)
    with django_assert_max_num_queries(11):
        response = client.get(url(opening, names=True))
    assert response.status_code == 200
    assert response.content.decode().count("2–3 · 2 sheets") == count
