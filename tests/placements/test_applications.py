"""Applying, proposing and withdrawing; what a learner sees of their applications."""

import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from placements.models import Candidate, CriterionScore, Opening, ScoreSheet, SelectionCriterion
from placements.recruitment.services import candidate_apply
from tests.cast import EVERYONE
from tests.factories import person
from tests.placements.factories_recruitment import make_candidate, make_opening, make_profile

LEARNERS = {"learner", "other_learner", "outsider"}


def apply(client, opening, motivation="I love baking bread."):
    return client.post(reverse("opening_apply", args=[opening.pk]), {"motivation": motivation}, follow=True)


@pytest.mark.parametrize("who", EVERYONE)
def test_applying_is_for_learners(client, world, who):
    opening = make_opening(world)
    user = getattr(world, who)
    if who in LEARNERS:
        make_profile(user, world.school if who != "outsider" else world.other_school)
    client.force_login(user)
    response = client.post(reverse("opening_apply", args=[opening.pk]), {"motivation": "Please"})
    expected = 302 if who in LEARNERS else (404 if who == "nobody" else 403)
    assert response.status_code == expected
    assert Candidate.objects.filter(learner=user).exists() == (who in LEARNERS)


def test_learner_applies_once_and_is_told_so_the_second_time(client, world):
    opening = make_opening(world)
    make_profile(world.learner, world.school)
    client.force_login(world.learner)
    first = apply(client, opening)
    assert "Your application has been sent." in first.text
    candidate = Candidate.objects.get()
    assert (candidate.learner, candidate.source, candidate.status) == (world.learner, "applied", "open")
    assert candidate.motivation == "I love baking bread."
    assert candidate.alias == "A"
    second = apply(client, opening, motivation="Again")
    assert second.status_code == 200
    assert "You have already applied for this opening" in second.text
    assert Candidate.objects.count() == 1
    assert "Withdraw my application" in second.text


def test_applying_needs_a_candidate_profile_first(client, world):
    opening = make_opening(world)
    client.force_login(world.learner)
    response = client.post(reverse("opening_apply", args=[opening.pk]), {"motivation": "Please"})
    detail = reverse("opening_detail", args=[opening.pk])
    assert response["Location"] == f"{reverse('candidate_profile_edit')}?next={detail}"
    assert not Candidate.objects.exists()
    page = client.get(response["Location"])
    assert "Fill in your candidate profile first" in page.text


def test_an_empty_motivation_is_explained(client, world):
    opening = make_opening(world)
    make_profile(world.learner, world.school)
    client.force_login(world.learner)
    response = client.post(reverse("opening_apply", args=[opening.pk]), {"motivation": "  "})
    assert response.status_code == 400
    assert "Write a few sentences about why you want this placement." in response.text
    assert not Candidate.objects.exists()


@pytest.mark.parametrize("status", [Opening.Status.DRAFT, Opening.Status.CLOSED, Opening.Status.FILLED])
def test_only_published_openings_take_applications(client, world, status):
    opening = make_opening(world, status=status)
    make_profile(world.learner, world.school)
    client.force_login(world.learner)
    response = client.post(reverse("opening_apply", args=[opening.pk]), {"motivation": "Please"})
    assert response.status_code == 404  # learners do not see openings that are not published
    assert not Candidate.objects.exists()


def test_aliases_are_unique_per_opening_and_independent_between_openings(world):
    opening, other_opening = make_opening(world), make_opening(world, title="Other")
    learners = [world.learner, world.other_learner, person(Role.LEARNER, world.school)]
    for learner in learners:
        make_profile(learner, world.school)
        candidate_apply(opening=opening, learner=learner, motivation="Yes")
    candidate_apply(opening=other_opening, learner=learners[2], motivation="Yes")
    assert list(opening.candidates.order_by("pk").values_list("alias", flat=True)) == [
        "A",
        "B",
        "C",
    ]
    assert other_opening.candidates.get().alias == "A"


def test_an_alias_already_taken_is_skipped(world):
    opening = make_opening(world)
    make_candidate(opening, world.other_learner, alias="B")
    make_profile(world.learner, world.school)
    assert candidate_apply(opening=opening, learner=world.learner, motivation="Yes").alias == "C"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_simultaneous_applications_get_different_aliases(world):
    opening = make_opening(world)
    learners = [person(Role.LEARNER, world.school) for _ in range(4)]
    for learner in learners:
        make_profile(learner, world.school)
    start = threading.Barrier(len(learners))
    errors = []

    def apply_now(learner):
        try:
            start.wait()
            candidate_apply(opening=opening, learner=learner, motivation="Now")
        except Exception as exc:  # collected, and asserted empty below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=apply_now, args=(learner,)) for learner in learners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(opening.candidates.values_list("alias", flat=True)) == [
        "A",
        "B",
        "C",
        "D",
    ]


def propose(client, opening, learner, note=""):
    return client.post(reverse("opening_propose", args=[opening.pk]), {"learner": learner.pk, "note": note})


@pytest.mark.parametrize("who", EVERYONE)
def test_proposing_is_for_school_staff(client, world, who):
    opening = make_opening(world)
    make_profile(world.other_learner, world.school)
    client.force_login(getattr(world, who))
    response = propose(client, opening, world.other_learner)
    if who in {"supervisor", "colleague_teacher", "coordinator", "staff"}:
        assert response.status_code == 302
    elif who in {"other_teacher", "other_coordinator"}:
        assert response.status_code == 400  # not a learner of their school: not on offer
    else:
        assert response.status_code == (404 if who == "nobody" else 403)
    proposed = Candidate.objects.filter(learner=world.other_learner).first()
    assert (proposed is not None) == (response.status_code == 302)


def test_supervisor_proposes_a_learner_of_their_school(client, world):
    opening = make_opening(world)
    make_profile(world.other_learner, world.school)
    client.force_login(world.supervisor)
    response = propose(client, opening, world.other_learner, note="Strong with customers")
    assert response.status_code == 302
    candidate = Candidate.objects.get()
    assert (candidate.source, candidate.proposed_by, candidate.motivation) == (
        "proposed",
        world.supervisor,
        "Strong with customers",
    )
    assert candidate.alias == "A"
    page = client.get(reverse("opening_detail", args=[opening.pk]))
    assert "has been proposed as a candidate" in page.text


def test_proposing_another_schools_learner_is_refused(client, world):
    opening = make_opening(world)
    make_profile(world.outsider, world.other_school)
    client.force_login(world.supervisor)
    response = propose(client, opening, world.outsider)
    assert response.status_code == 400
    assert "names none of the choices here" in response.text
    assert not Candidate.objects.exists()


def test_the_propose_form_offers_only_own_learners_not_yet_candidates(client, world):
    opening = make_opening(world)
    make_candidate(opening, world.learner)
    client.force_login(world.supervisor)
    offered = set(
        client.get(reverse("opening_detail", args=[opening.pk])).context["propose_form"].fields["learner"].queryset
    )
    assert offered == {world.other_learner}


def test_proposing_a_candidate_twice_is_explained(client, world):
    opening = make_opening(world)
    make_profile(world.learner, world.school)
    make_candidate(opening, world.learner)
    client.force_login(world.coordinator)
    response = client.post(reverse("opening_propose", args=[opening.pk]), {"learner": world.learner.pk}, follow=True)
    assert "Daan Jansen is already a candidate for this opening (in selection)." in response.text
    assert Candidate.objects.count() == 1


def test_proposing_a_learner_without_profile_leads_to_filling_it_in(client, world):
    opening = make_opening(world)
    client.force_login(world.supervisor)
    response = propose(client, opening, world.other_learner)
    detail = reverse("opening_detail", args=[opening.pk])
    assert response["Location"] == f"{reverse('learner_profile_edit', args=[world.other_learner.pk])}?next={detail}"
    assert not Candidate.objects.exists()


def test_proposing_for_a_closed_opening_is_refused(client, world):
    opening = make_opening(world, status=Opening.Status.CLOSED)
    make_profile(world.other_learner, world.school)
    client.force_login(world.staff)
    response = client.post(
        reverse("opening_propose", args=[opening.pk]), {"learner": world.other_learner.pk}, follow=True
    )
    assert "This opening does not take candidates now." in response.text
    assert not Candidate.objects.exists()


def test_learner_withdraws_while_in_selection_only(client, world):
    opening = make_opening(world)
    candidate = make_candidate(opening, world.learner)
    client.force_login(world.learner)
    response = client.post(reverse("application_withdraw", args=[candidate.pk]), follow=True)
    assert "Your application has been withdrawn." in response.text
    candidate.refresh_from_db()
    assert candidate.status == Candidate.Status.WITHDRAWN
    again = client.post(reverse("application_withdraw", args=[candidate.pk]), follow=True)
    assert "only an application in selection can be withdrawn" in again.text


def test_a_decided_application_cannot_be_withdrawn(client, world):
    candidate = make_candidate(make_opening(world), world.learner, status=Candidate.Status.APPOINTED)
    client.force_login(world.learner)
    client.post(reverse("application_withdraw", args=[candidate.pk]))
    candidate.refresh_from_db()
    assert candidate.status == Candidate.Status.APPOINTED


@pytest.mark.parametrize("who", ["other_learner", "supervisor", "company_admin", "staff"])
def test_nobody_else_withdraws_a_learners_application(client, world, who):
    candidate = make_candidate(make_opening(world), world.learner)
    client.force_login(getattr(world, who))
    assert client.post(reverse("application_withdraw", args=[candidate.pk])).status_code == 404
    candidate.refresh_from_db()
    assert candidate.status == Candidate.Status.OPEN


@pytest.mark.parametrize("who", EVERYONE)
def test_my_applications_is_for_learners(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse("my_applications")).status_code == (200 if who in LEARNERS else 403)


def score(candidate, interviewer, evidence):
    criterion = SelectionCriterion.objects.create(opening=candidate.opening, title="Hygiene", questions="How?")
    sheet = ScoreSheet.objects.create(candidate=candidate, interviewer=interviewer, submitted_at=timezone.now())
    CriterionScore.objects.create(sheet=sheet, criterion=criterion, score=2, evidence=evidence)


def test_my_applications_shows_status_and_reason_but_never_scores(client, world):
    rejected = make_candidate(
        make_opening(world, title="Assistant baker"),
        world.learner,
        status=Candidate.Status.REJECTED,
        decision_reason="Another candidate had more experience with dough.",
        decided_at=timezone.now(),
        decision_sent_at=timezone.now(),
    )
    score(rejected, world.mentor, "Forgot to wash hands in the role play")
    make_candidate(make_opening(world, title="Line cook"), world.learner)
    client.force_login(world.learner)
    response = client.get(reverse("my_applications"))
    assert "Assistant baker" in response.text
    assert "Not selected" in response.text
    assert "Another candidate had more experience with dough." in response.text
    assert "Line cook" in response.text
    assert "In selection" in response.text
    assert "Forgot to wash hands" not in response.text
    assert "Hygiene" not in response.text
    detail = client.get(reverse("opening_detail", args=[rejected.opening.pk]))
    assert "Forgot to wash hands" not in detail.text
    assert "Another candidate had more experience with dough." in detail.text


def test_a_decision_not_yet_sent_is_not_shown_to_the_learner(client, world):
    make_candidate(
        make_opening(world),
        world.learner,
        status=Candidate.Status.REJECTED,
        decision_reason="Not enough hours",
        decided_at=timezone.now(),
    )
    client.force_login(world.learner)
    response = client.get(reverse("my_applications"))
    assert "In selection" in response.text
    assert "Not selected" not in response.text
    assert "Not enough hours" not in response.text


def test_an_application_for_a_closed_opening_stays_listed_without_a_dead_link(client, world):
    opening = make_opening(world, title="Closed bakery job", status=Opening.Status.CLOSED)
    candidate = make_candidate(opening, world.learner)
    client.force_login(world.learner)
    response = client.get(reverse("my_applications"))
    assert "Closed bakery job" in response.text
    assert reverse("opening_detail", args=[opening.pk]) not in response.text
    client.post(reverse("application_withdraw", args=[candidate.pk]))
    candidate.refresh_from_db()
    assert candidate.status == Candidate.Status.WITHDRAWN


def test_my_applications_costs_the_same_queries_for_1_or_10_applications(client, world, django_assert_num_queries):
    make_candidate(make_opening(world), world.learner)
    client.force_login(world.learner)
    client.get(reverse("my_applications"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("my_applications"))
    for n in range(9):
        make_candidate(make_opening(world, title=f"Opening {n}"), world.learner)
    with django_assert_num_queries(len(few)):
        response = client.get(reverse("my_applications"))
    assert len(response.context["applications"]) == 10


def test_aliases_stored_as_english_names_become_letters(world):
    """Migration 0003: aliases made before it ("Candidate B") keep their letter and are shown translated."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("placements.migrations.0003_candidate_alias_letters")
    opening = make_opening(world)
    old = make_candidate(opening, world.learner, alias="Candidate B")
    new = make_candidate(opening, world.other_learner, alias="A")
    migration.to_letters(apps, None)
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.alias, new.alias) == ("B", "A")
    assert old.anonymous_name == "Candidate B"
    migration.to_english_names(apps, None)
    assert sorted(opening.candidates.values_list("alias", flat=True)) == ["Candidate A", "Candidate B"]
