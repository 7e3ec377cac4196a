"""The match pages: candidates and learners ranked for an opening, openings ranked for a learner."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from placements.models import Candidate, Opening
from tests.cast import EVERYONE
from tests.factories import ProgrammeFactory, person
from tests.placements.factories_recruitment import make_candidate, make_opening, make_profile

TEAM = {"company_admin", "staff"}
SCHOOL_STAFF = {"supervisor", "colleague_teacher", "coordinator", "other_teacher", "other_coordinator", "staff"}


@pytest.mark.parametrize("who", EVERYONE)
def test_opening_matches_are_for_the_selection_team_and_school_staff(client, world, who):
    opening = make_opening(world, interviewers=[])
    client.force_login(getattr(world, who))
    response = client.get(reverse("opening_matches", args=[opening.pk]))
    if who == "nobody":
        assert response.status_code == 404
    else:
        assert response.status_code == (200 if who in TEAM | SCHOOL_STAFF else 403)


def test_the_team_sees_candidates_best_match_first_with_reasons(client, world):
    opening = make_opening(world)
    weak = make_candidate(opening, world.learner)
    make_profile(world.learner, world.school, hours_per_week=8, preferred_locations=["groningen"])
    strong = make_candidate(opening, world.other_learner)
    make_profile(world.other_learner, world.school, programme=world.programme)
    client.force_login(world.company_admin)
    response = client.get(reverse("opening_matches", args=[opening.pk]))
    assert [candidate.pk for candidate, _result in response.context["ranked"]] == [strong.pk, weak.pk]
    assert "Available 8 h a week; the opening asks 32 h." in response.text
    assert response.context["page"] is None  # a company admin has no learners to propose


def test_anonymised_openings_show_aliases_not_names(client, world):
    opening = make_opening(world, anonymised_scoring=True)
    make_candidate(opening, world.learner, alias="A")
    client.force_login(world.company_admin)
    response = client.get(reverse("opening_matches", args=[opening.pk]))
    assert "Candidate A" in response.text
    assert "Daan Jansen" not in response.text
    response = client.get(reverse("opening_matches", args=[opening.pk]), headers={"accept-language": "nl"})
    assert "Kandidaat A" in response.text  # the alias is in the reader's language
    assert "Candidate A" not in response.text


def test_school_staff_see_their_own_learners_with_a_profile_ranked(client, world):
    opening = make_opening(world)
    make_profile(world.learner, world.school, hours_per_week=8)
    make_profile(world.other_learner, world.school, programme=world.programme)
    make_profile(world.outsider, world.other_school)
    person(Role.LEARNER, world.school, first_name="Without", last_name="Profile")
    make_candidate(opening, world.learner)
    client.force_login(world.supervisor)
    response = client.get(reverse("opening_matches", args=[opening.pk]))
    rows = response.context["page"].object_list
    assert [row.profile.learner for row in rows] == [world.other_learner, world.learner]
    assert [row.candidate_status for row in rows] == [None, Candidate.Status.OPEN]
    assert response.context["ranked"] is None
    assert "Without Profile" not in response.text
    assert response.text.count('name="learner"') == 1  # a propose button only for the learner not yet proposed


def test_other_schools_staff_see_only_their_own_learners(client, world):
    opening = make_opening(world)
    make_profile(world.learner, world.school)
    make_profile(world.outsider, world.other_school)
    client.force_login(world.other_teacher)
    rows = client.get(reverse("opening_matches", args=[opening.pk])).context["page"].object_list
    assert [row.profile.learner for row in rows] == [world.outsider]


@pytest.mark.parametrize("who", EVERYONE)
def test_a_learners_matches_are_for_them_and_their_schools_staff(client, world, who):
    make_profile(world.learner, world.school)
    client.force_login(getattr(world, who))
    response = client.get(reverse("candidate_matches", args=[world.learner.pk]))
    if who == "learner":
        assert response.status_code == 302
        assert response["Location"] == reverse("candidate_matches")
    else:
        allowed = {"supervisor", "colleague_teacher", "coordinator", "staff"}
        assert response.status_code == (200 if who in allowed else 404)


def test_learner_sees_published_openings_best_match_first(client, world):
    today = timezone.localdate()
    make_profile(world.learner, world.school, programme=world.programme, qualities=["baking", "hygiene"])
    make_opening(world, title="Near")
    far = make_opening(world, title="Far", city="Groningen", hours_per_week=40)
    make_opening(
        world,
        title="Later",
        start_date=today + timedelta(days=500),
        end_date=today + timedelta(days=600),
    )
    make_opening(world, title="Draft", status=Opening.Status.DRAFT)
    make_opening(world, title="Closed", status=Opening.Status.CLOSED)
    make_candidate(far, world.learner)
    client.force_login(world.learner)
    response = client.get(reverse("candidate_matches"))
    rows = response.context["rows"]
    # Far misses on location (half) and hours (all): 78; Later is outside the availability (period): 80.
    assert [(opening.title, result.score) for opening, result, _applied in rows] == [
        ("Near", 100),
        ("Later", 80),
        ("Far", 78),
    ]
    assert [applied for _o, _r, applied in rows] == [None, None, Candidate.Status.OPEN]
    assert "The opening is in Groningen; the preferred locations are utrecht." in response.text
    assert "Available 32 h a week; the opening asks 40 h." in response.text


def test_a_learner_without_profile_is_asked_to_make_one(client, world):
    make_opening(world)
    client.force_login(world.learner)
    response = client.get(reverse("candidate_matches"))
    assert "Fill in your candidate profile first" in response.text
    assert response.context["rows"] == []


def count_queries(client, url):
    client.get(url)  # warm the session
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_opening_match_page_has_a_fixed_number_of_queries(client, world):
    opening = make_opening(world, programmes=[world.programme, ProgrammeFactory(school=world.school)])
    make_profile(world.learner, world.school)
    make_candidate(opening, world.learner)
    client.force_login(world.staff)  # staff see both the candidates and every school's learners
    url = reverse("opening_matches", args=[opening.pk])
    few = count_queries(client, url)
    for _ in range(10):
        learner = person(Role.LEARNER, world.school)
        make_profile(learner, world.school, programme=ProgrammeFactory(school=world.school))
        make_candidate(opening, learner)
    assert count_queries(client, url) == few
    assert few <= 14


def test_the_candidate_match_page_has_a_fixed_number_of_queries(client, world):
    make_profile(world.learner, world.school)
    make_opening(world)
    client.force_login(world.learner)
    url = reverse("candidate_matches")
    few = count_queries(client, url)
    for n in range(10):
        make_opening(world, title=f"Opening {n}", programmes=[world.programme, ProgrammeFactory(school=world.school)])
    assert count_queries(client, url) == few
    assert few <= 10


def test_the_opening_page_ranks_candidates_in_a_fixed_number_of_queries(client, world):
    opening = make_opening(world)
    client.force_login(world.company_admin)
    url = reverse("opening_detail", args=[opening.pk])
    make_profile(world.learner, world.school)
    make_candidate(opening, world.learner)
    few = count_queries(client, url)
    for _ in range(10):
        learner = person(Role.LEARNER, world.school)
        make_profile(learner, world.school)
        make_candidate(opening, learner)
    assert count_queries(client, url) == few
