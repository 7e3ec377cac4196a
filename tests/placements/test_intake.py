"""The job coach's intake, the workplace analysis, a candidate's preparation and the fit on the matching page."""

import pytest
from django.urls import reverse

from placements.models import CandidatePreparation, CandidateProfile, Intake, WorkplaceAnalysis
from tests.placements.factories_recruitment import make_candidate, make_opening, make_profile

JOB_COACHES = {"supervisor", "colleague_teacher", "coordinator", "staff"}
COMPANY_SIDE = {"mentor", "colleague_mentor", "company_admin", "staff"}
SCHOOL_STAFF = JOB_COACHES | {"other_teacher", "other_coordinator"}

# One of each kind of person (the full cast costs time and adds nothing here).
ROLES = ["learner", "mentor", "other_mentor", "supervisor", "other_teacher", "company_admin", "outsider", "staff"]


def make_intake(world, **kwargs) -> Intake:
    kwargs.setdefault("wishes", "Bake bread early in the morning.")
    kwargs.setdefault("possibilities", ["baking", "customer contact"])
    kwargs.setdefault("limitations", ["heavy lifting"])
    kwargs.setdefault("support_needs", "A fixed start of the day\nAsk for help in time")
    kwargs.setdefault("network", "My uncle, a baker.")
    kwargs.setdefault("share_with_employer", True)
    return Intake.objects.create(learner=world.learner, school=world.school, **kwargs)


def make_workplace(opening) -> WorkplaceAnalysis:
    return WorkplaceAnalysis.objects.create(
        opening=opening,
        mission="Honest bread for the neighbourhood.",
        workplace_tasks="Lifting flour sacks\nServing customers at the counter\nCleaning the ovens",
    )


INTAKE_POST = {
    "held_on": "2026-11-02",
    "wishes": "Work with my hands.",
    "possibilities": "baking, Baking, precise",
    "limitations": "night shifts",
    "support_needs": "Clear instructions",
    "labour_market": "Bakeries in the region look for staff.",
    "network": "",
    "learning_style": "By doing.",
    "preferred_sectors": "food production",
    "hours_per_week": "24",
    "share_with_employer": "on",
}


# --- The intake -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ROLES)
def test_the_intake_is_for_the_learners_job_coaches_only(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("learner_intake", args=[world.learner.pk]))
    assert response.status_code == (200 if who in JOB_COACHES else 404)


def test_the_supervisor_records_the_intake(client, world):
    client.force_login(world.supervisor)
    response = client.post(reverse("learner_intake", args=[world.learner.pk]), INTAKE_POST)
    assert response.status_code == 302
    intake = Intake.objects.get(learner=world.learner)
    assert intake.possibilities == ["baking", "precise"]
    assert intake.school == world.school and intake.updated_by == world.supervisor
    assert intake.share_with_employer and intake.hours_per_week == 24


def test_a_bad_intake_is_a_form_message(client, world):
    client.force_login(world.supervisor)
    response = client.post(reverse("learner_intake", args=[world.learner.pk]), {**INTAKE_POST, "hours_per_week": "900"})
    assert response.status_code == 400
    assert not Intake.objects.exists()


def test_drafting_the_profile_prefills_the_form_and_saves_nothing(client, world):
    make_intake(world)
    client.force_login(world.supervisor)
    response = client.get(reverse("learner_profile_edit", args=[world.learner.pk]) + "?draft=intake")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["energisers"] == "Bake bread early in the morning."
    assert form.initial["qualities"] == ["baking", "customer contact"]
    assert "heavy lifting" in form.initial["points_of_attention"]
    assert "Nothing is saved yet" in response.text
    assert not CandidateProfile.objects.exists()


def test_drafting_never_replaces_what_the_profile_says(client, world):
    make_intake(world)
    make_profile(world.learner, world.school, network="")
    client.force_login(world.supervisor)
    response = client.get(reverse("learner_profile_edit", args=[world.learner.pk]) + "?draft=intake")
    form = response.context["form"]
    assert form["energisers"].value() == "Early mornings and the smell of fresh bread."  # the profile's own
    assert form["network"].value() == "My uncle, a baker."  # was empty: drafted
    assert CandidateProfile.objects.get().network == ""


# --- The workplace ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ROLES)
def test_the_workplace_is_for_the_company_side_and_school_staff(client, world, who):
    opening = make_opening(world, interviewers=[])
    client.force_login(getattr(world, who))
    response = client.get(reverse("opening_workplace", args=[opening.pk]))
    assert response.status_code == (200 if who in COMPANY_SIDE | SCHOOL_STAFF else 404)


def test_the_work_mentor_describes_the_workplace(client, world):
    opening = make_opening(world, interviewers=[])
    client.force_login(world.colleague_mentor)
    response = client.post(
        reverse("opening_workplace", args=[opening.pk]),
        {
            "mission": "Bread for everyone.",
            "culture_notes": "We start at six.",
            "way_of_working": "Small team, fixed tasks.",
            "workplace_tasks": " Knead dough \n\nServe customers\n",
            "carving_notes": "Cleaning could be a job of its own.",
        },
    )
    assert response.status_code == 302
    workplace = WorkplaceAnalysis.objects.get(opening=opening)
    assert workplace.tasks == ["Knead dough", "Serve customers"]
    opening.refresh_from_db()
    assert opening.culture_notes == "We start at six."


def test_school_staff_read_the_workplace_but_do_not_change_it(client, world):
    opening = make_opening(world)
    make_workplace(opening)
    client.force_login(world.supervisor)
    assert "Honest bread" in client.get(reverse("opening_workplace", args=[opening.pk])).text
    assert client.post(reverse("opening_workplace", args=[opening.pk]), {"mission": "x"}).status_code == 403


# --- A candidate's preparation ----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ROLES)
def test_a_candidates_preparation_is_for_the_company_side_the_job_coach_and_the_learner(client, world, who):
    candidate = make_candidate(make_opening(world, interviewers=[]), world.learner)
    client.force_login(getattr(world, who))
    response = client.get(reverse("candidate_preparation", args=[candidate.pk]))
    assert response.status_code == (200 if who in COMPANY_SIDE | JOB_COACHES | {"learner"} else 404)


def test_interview_notes_are_the_schools_and_the_company_neither_sees_nor_writes_them(client, world):
    candidate = make_candidate(make_opening(world), world.learner)
    url = reverse("candidate_preparation", args=[candidate.pk])
    client.force_login(world.supervisor)
    response = client.post(url, {"section": "interview", "interview-interview_notes": "Practise the handshake."})
    assert response.status_code == 302
    client.force_login(world.company_admin)
    assert "Practise the handshake" not in client.get(url).text
    assert client.post(url, {"section": "interview", "interview-interview_notes": "x"}).status_code == 403
    client.force_login(world.learner)
    assert "Practise the handshake" in client.get(url).text
    assert client.post(url, {"section": "carving", "carving-carving_notes": "x"}).status_code == 403


def test_the_company_carves_out_tasks_that_fit(client, world):
    opening = make_opening(world)
    make_workplace(opening)
    candidate = make_candidate(opening, world.learner)
    client.force_login(world.company_admin)
    url = reverse("candidate_preparation", args=[candidate.pk])
    response = client.post(
        url, {"section": "carving", "carving-fitting_tasks": ["Cleaning the ovens"], "carving-carving_notes": "Morning"}
    )
    assert response.status_code == 302
    assert CandidatePreparation.objects.get().fitting_tasks == ["Cleaning the ovens"]
    bad = client.post(url, {"section": "carving", "carving-fitting_tasks": ["Flying the plane"]})
    assert bad.status_code == 400


def test_an_unknown_section_is_refused(client, world):
    candidate = make_candidate(make_opening(world), world.learner)
    client.force_login(world.supervisor)
    assert client.post(reverse("candidate_preparation", args=[candidate.pk]), {}).status_code == 403


# --- The fit on the matching page -------------------------------------------------------------------------


def test_matching_shows_which_tasks_fit_the_intake(client, world):
    opening = make_opening(world)
    make_workplace(opening)
    make_profile(world.learner, world.school)
    make_intake(world)
    client.force_login(world.supervisor)
    response = client.get(reverse("opening_matches", args=[opening.pk]))
    fit = response.context["page"].object_list[0].profile.workplace_fit
    outcomes = {task.task: task.outcome for task in fit.tasks}
    assert outcomes == {
        "Lifting flour sacks": "conflicts",
        "Serving customers at the counter": "fits",
        "Cleaning the ovens": "open",
    }
    assert "Workplace: 1 of 3 tasks fit" in response.text


@pytest.mark.parametrize("shared", [True, False])
def test_the_company_sees_the_fit_only_when_the_learner_shares_the_intake(client, world, shared):
    opening = make_opening(world)
    make_workplace(opening)
    make_intake(world, share_with_employer=shared)
    make_candidate(opening, world.learner)
    client.force_login(world.company_admin)
    response = client.get(reverse("opening_matches", args=[opening.pk]))
    candidate, _result = response.context["ranked"][0]
    assert (candidate.workplace_fit is not None) is shared
    assert ("heavy lifting" in response.text) is shared


def test_the_fit_costs_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    opening = make_opening(world)
    make_workplace(opening)
    make_intake(world)
    make_profile(world.learner, world.school)
    make_candidate(opening, world.learner)
    client.force_login(world.staff)
    url = reverse("opening_matches", args=[opening.pk])
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    learners = [make_candidate(opening, person).learner for person in _more_learners(world, 6)]
    for learner in learners:
        make_profile(learner, world.school)
        Intake.objects.create(learner=learner, school=world.school, possibilities=["baking"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def _more_learners(world, count):
    from accounts.models import Role
    from tests.factories import person

    return [person(Role.LEARNER, world.school, email=f"learner{index}@example.org") for index in range(count)]
