"""The decision: appoint (only on a complete set of scores, creating one placement), reserve, or not selected."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from placements.models import Candidate, CriterionScore, InductionChecklist, Opening, Placement, ScoreSheet
from placements.selection.services import Appointment, candidate_decide
from tests.factories import person

from .factories_recruitment import (
    add_criteria,
    default_induction_template,
    make_candidate,
    make_opening,
    make_profile,
    score,
)


@pytest.fixture
def opening(world):
    opening = make_opening(world)
    add_criteria(opening)
    return opening


@pytest.fixture
def candidate(world, opening):
    make_profile(world.other_learner, world.school, programme=world.programme)
    return make_candidate(
        opening, world.other_learner, "A", source=Candidate.Source.PROPOSED, proposed_by=world.supervisor
    )


def fully_scored(candidate, world):
    score(candidate, world.mentor, [4, 4, 4])
    score(candidate, world.colleague_mentor, [3, 4, 5])
    return candidate


def decide_url(candidate):
    return reverse("selection_decide", args=[candidate.pk])


def appoint_data(world, opening, **overrides):
    data = {
        "form": "appoint",
        "appoint-mentor": world.mentor.pk,
        "appoint-supervisor": world.supervisor.pk,
        "appoint-programme": world.programme.pk,
        "appoint-start_date": opening.start_date.isoformat(),
        "appoint-end_date": opening.end_date.isoformat(),
        "appoint-hours_per_week": 32,
    }
    data.update({f"appoint-{key}": value for key, value in overrides.items()})
    return data


def appointment(world, opening, **overrides):
    values = {
        "mentor": world.mentor,
        "supervisor": world.supervisor,
        "programme": world.programme,
        "start_date": opening.start_date,
        "end_date": opening.end_date,
        "hours_per_week": opening.hours_per_week,
    }
    values.update(overrides)
    return Appointment(**values)


def appoint(candidate, world, **overrides):
    return candidate_decide(
        candidate=candidate,
        by=world.company_admin,
        status=Candidate.Status.APPOINTED,
        appointment=appointment(world, candidate.opening, **overrides),
    )


def new_placements(world):
    return Placement.objects.exclude(pk=world.placement.pk)


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("company_admin", 200),
        ("staff", 200),
        ("mentor", 403),  # an interviewer scores, the company admin decides
        ("other_learner", 403),
        ("supervisor", 403),
        ("other_company_admin", 404),
        ("outsider", 404),
    ],
)
def test_who_decides(client, world, candidate, who, status):
    client.force_login(getattr(world, who))
    assert client.get(decide_url(candidate)).status_code == status
    response = client.post(decide_url(candidate), {"form": "decide", "decide-status": "reserve"})
    assert response.status_code == (302 if status == 200 else status)
    candidate.refresh_from_db()
    assert (candidate.status == Candidate.Status.RESERVE) == (status == 200)


def test_the_appoint_form_offers_sensible_defaults(client, world, opening, candidate):
    fully_scored(candidate, world)
    client.force_login(world.company_admin)
    page = client.get(decide_url(candidate)).content.decode()
    assert f'value="{opening.start_date.isoformat()}"' in page
    assert f'<option value="{world.supervisor.pk}" selected>' in page  # the teacher who proposed the learner
    assert f'<option value="{world.programme.pk}" selected>' in page  # from the candidate profile
    assert world.other_mentor.email not in page  # only the company's own work mentors
    assert world.other_teacher.email not in page  # only teachers of the learner's school


def test_appointing_creates_exactly_one_placement_with_the_right_people(client, world, opening, candidate):
    fully_scored(candidate, world)
    client.force_login(world.company_admin)
    response = client.post(decide_url(candidate), appoint_data(world, opening, mentor=world.colleague_mentor.pk))
    assert response.status_code == 302
    placement = new_placements(world).get()
    assert placement.learner == world.other_learner
    assert placement.school == world.school
    assert placement.company == world.company
    assert placement.mentor == world.colleague_mentor
    assert placement.supervisor == world.supervisor
    assert placement.programme == world.programme
    assert (placement.start_date, placement.end_date, placement.hours_per_week) == (
        opening.start_date,
        opening.end_date,
        32,
    )
    assert placement.status == Placement.Status.PLANNED
    candidate.refresh_from_db()
    assert candidate.status == Candidate.Status.APPOINTED
    assert candidate.placement == placement
    assert candidate.decided_by == world.company_admin
    opening.refresh_from_db()
    assert opening.status == Opening.Status.FILLED
    assert not InductionChecklist.objects.filter(placement=placement).exists()  # the company has no template

    again = client.post(decide_url(candidate), appoint_data(world, opening))  # a double submit
    assert again.status_code == 403
    assert new_placements(world).count() == 1


def test_calling_the_service_twice_creates_one_placement(world, candidate):
    fully_scored(candidate, world)
    appoint(candidate, world)
    with pytest.raises(ValidationError, match="already appointed"):
        appoint(candidate, world)
    assert new_placements(world).count() == 1
    assert Candidate.objects.get(pk=candidate.pk).placement_id == new_placements(world).get().pk


def test_appointing_makes_the_induction_checklist_from_the_default_template(world, candidate):
    default_induction_template(world.company)
    fully_scored(candidate, world)
    appoint(candidate, world)
    checklist = InductionChecklist.objects.get(placement=new_placements(world).get())
    assert list(checklist.items.values_list("title", flat=True)) == ["Read the house rules"]


def test_no_appointment_without_any_score(client, world, opening, candidate):
    client.force_login(world.company_admin)
    page = client.get(decide_url(candidate)).content.decode()
    assert "has not scored this candidate" in page
    response = client.post(decide_url(candidate), appoint_data(world, opening))
    assert response.status_code == 400
    body = response.content.decode()
    assert f"{world.mentor.get_full_name()} has not scored this candidate." in body
    assert f"{world.colleague_mentor.get_full_name()} has not scored this candidate." in body
    assert not new_placements(world).exists()
    assert Candidate.objects.get(pk=candidate.pk).status == Candidate.Status.OPEN


def test_no_appointment_while_an_interviewer_is_missing(world, candidate):
    score(candidate, world.mentor, [4, 4, 4])
    with pytest.raises(ValidationError, match=world.colleague_mentor.get_full_name()):
        appoint(candidate, world)
    assert not new_placements(world).exists()


def test_no_appointment_on_a_draft_sheet(world, candidate):
    score(candidate, world.mentor, [4, 4, 4])
    score(candidate, world.colleague_mentor, [4, 4, 4], submit=False)
    with pytest.raises(ValidationError, match="draft"):
        appoint(candidate, world)
    assert not new_placements(world).exists()


def test_no_appointment_when_a_sheet_lacks_a_criterion(world, opening, candidate):
    fully_scored(candidate, world)
    last = opening.criteria.order_by("position").last()
    CriterionScore.objects.filter(sheet__interviewer=world.colleague_mentor, criterion=last).delete()
    with pytest.raises(ValidationError, match=f"has no score for: {last.title}"):
        appoint(candidate, world)
    assert not new_placements(world).exists()


def test_no_appointment_without_interviewers(world, opening, candidate):
    opening.interviewers.clear()
    with pytest.raises(ValidationError, match="no interviewers"):
        appoint(candidate, world)
    assert not new_placements(world).exists()


def test_no_appointment_when_the_places_are_taken(world, opening, candidate):
    fully_scored(candidate, world)
    appoint(candidate, world)
    second = fully_scored(
        make_candidate(opening, person(Role.LEARNER, world.school, email="sanne@example.org"), "B"), world
    )
    with pytest.raises(ValidationError, match="place of this opening is taken"):
        appoint(second, world)
    assert new_placements(world).count() == 1
    assert Candidate.objects.get(pk=second.pk).status == Candidate.Status.OPEN


def test_the_opening_is_filled_when_the_last_of_several_places_is_taken(world, opening, candidate):
    Opening.objects.filter(pk=opening.pk).update(places=2)
    second = fully_scored(
        make_candidate(opening, person(Role.LEARNER, world.school, email="sanne@example.org"), "B"), world
    )
    appoint(fully_scored(candidate, world), world)
    assert Opening.objects.get(pk=opening.pk).status == Opening.Status.PUBLISHED
    appoint(second, world)
    assert Opening.objects.get(pk=opening.pk).status == Opening.Status.FILLED


def test_a_learner_with_an_overlapping_placement_is_not_appointed(client, world):
    today = timezone.localdate()
    opening = make_opening(world, start_date=today + timedelta(days=60), end_date=today + timedelta(days=200))
    add_criteria(opening)
    busy = fully_scored(make_candidate(opening, world.learner, "C"), world)  # placed until day 90
    client.force_login(world.company_admin)
    response = client.post(decide_url(busy), appoint_data(world, opening))
    assert response.status_code == 400
    assert "This learner already has a placement at Bakkerij De Korenschoof" in response.content.decode()
    assert not new_placements(world).exists()
    assert Candidate.objects.get(pk=busy.pk).status == Candidate.Status.OPEN


def test_not_selecting_needs_a_reason(client, world, candidate):
    client.force_login(world.company_admin)
    response = client.post(decide_url(candidate), {"form": "decide", "decide-status": "rejected", "decide-reason": " "})
    assert response.status_code == 400
    assert "Give the reason" in response.content.decode()
    assert Candidate.objects.get(pk=candidate.pk).status == Candidate.Status.OPEN
    with pytest.raises(ValidationError):
        candidate_decide(candidate=candidate, by=world.company_admin, status=Candidate.Status.REJECTED, reason="")

    response = client.post(
        decide_url(candidate),
        {"form": "decide", "decide-status": "rejected", "decide-reason": "Another candidate lives closer by."},
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert (candidate.status, candidate.decision_reason) == (
        Candidate.Status.REJECTED,
        "Another candidate lives closer by.",
    )


def test_a_reserve_candidate_can_be_appointed_later(world, candidate):
    candidate_decide(candidate=candidate, by=world.company_admin, status=Candidate.Status.RESERVE)
    fully_scored(candidate, world)
    appoint(candidate, world)
    assert Candidate.objects.get(pk=candidate.pk).status == Candidate.Status.APPOINTED


def test_a_decided_page_shows_the_decision_and_no_forms(client, world, candidate):
    candidate_decide(candidate=candidate, by=world.company_admin, status=Candidate.Status.REJECTED, reason="Too far")
    client.force_login(world.company_admin)
    page = client.get(decide_url(candidate)).content.decode()
    assert "Too far" in page
    assert 'name="form"' not in page


def test_scores_of_a_sheet_that_was_submitted_are_not_shown_on_the_decide_page(client, world, candidate):
    """The decision page lists who is missing, never what anyone scored."""
    score(candidate, world.mentor, [4, 4, 4], evidence="Mentor's private note {}")
    client.force_login(world.company_admin)
    page = client.get(decide_url(candidate)).content.decode()
    assert "Mentor's private note" not in page
    assert ScoreSheet.objects.filter(candidate=candidate).count() == 1
