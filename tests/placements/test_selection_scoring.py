"""Score sheets: only interviewers score, on the fixed 1–5 scale with evidence; nobody reads others' sheets early."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Role
from placements.models import Candidate, CriterionScore, ScoreSheet
from placements.selection.services import Entry, sheet_save
from tests.factories import person

from .factories_recruitment import add_criteria, make_candidate, make_opening, make_profile, score

COLLEAGUE_NOTE = "Kept the bench spotless during the trial hour"


@pytest.fixture
def opening(world):
    opening = make_opening(world)
    add_criteria(opening)
    return opening


@pytest.fixture
def candidate(world, opening):
    make_profile(world.other_learner, world.school, programme=world.programme)
    return make_candidate(opening, world.other_learner, "A")


def page_url(candidate):
    return reverse("selection_candidate", args=[candidate.pk])


def score_url(candidate):
    return reverse("selection_score", args=[candidate.pk])


def sheet_data(opening, values, action="submit", evidence="Told how she cleans her station"):
    data = {"action": action}
    for criterion, value in zip(opening.criteria.order_by("position"), values, strict=True):
        data[f"score_{criterion.pk}"] = "" if value is None else str(value)
        data[f"evidence_{criterion.pk}"] = "" if value is None else f"{evidence} ({criterion.title})"
    return data


def colleague_scores(candidate, submit=True):
    """The colleague's sheet, with unusual scores and a note that must not leak before it may be read."""
    criteria = list(candidate.opening.criteria.order_by("position"))
    entries = {c.pk: Entry(value, f"{COLLEAGUE_NOTE} {c.pk}") for c, value in zip(criteria, (1, 5, 2), strict=True)}
    return sheet_save(
        candidate=candidate,
        interviewer=candidate.opening.interviewers.get(email="colleague@example.org"),
        entries=entries,
        submit=submit,
    )


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("mentor", 200),
        ("company_admin", 200),
        ("staff", 200),
        ("other_learner", 403),  # the candidate: sees their application elsewhere, never the scores
        ("supervisor", 403),  # the learner's school
        ("other_mentor", 404),
        ("other_company_admin", 404),
        ("outsider", 404),
    ],
)
def test_who_sees_the_selection_page_of_a_candidate(client, world, candidate, who, status):
    client.force_login(getattr(world, who))
    assert client.get(page_url(candidate)).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [("company_admin", 403), ("staff", 403), ("other_learner", 403), ("supervisor", 403), ("other_mentor", 404)],
)
def test_only_interviewers_score(client, world, opening, candidate, who, status):
    client.force_login(getattr(world, who))
    assert client.post(score_url(candidate), sheet_data(opening, [3, 3, 3])).status_code == status
    assert not ScoreSheet.objects.exists()


def test_an_interviewer_saves_a_draft_and_then_submits(client, world, opening, candidate):
    client.force_login(world.mentor)
    response = client.post(score_url(candidate), sheet_data(opening, [4, None, None], action="draft"))
    assert response.status_code == 302
    sheet = ScoreSheet.objects.get(candidate=candidate, interviewer=world.mentor)
    assert sheet.submitted_at is None
    assert list(sheet.scores.values_list("score", flat=True)) == [4]
    page = client.get(page_url(candidate)).content.decode()
    assert "Told how she cleans her station (Works hygienically)" in page  # the draft is back in the form

    response = client.post(score_url(candidate), sheet_data(opening, [4, None, 3]))
    assert response.status_code == 400
    assert "Score every criterion before you submit." in response.content.decode()
    sheet.refresh_from_db()
    assert sheet.submitted_at is None

    assert client.post(score_url(candidate), sheet_data(opening, [4, 2, 3])).status_code == 302
    sheet.refresh_from_db()
    assert sheet.submitted_at is not None
    assert sorted(sheet.scores.values_list("score", flat=True)) == [2, 3, 4]


def test_a_submitted_sheet_is_read_only(client, world, opening, candidate):
    score(candidate, world.mentor, [4, 4, 4])
    client.force_login(world.mentor)
    response = client.post(score_url(candidate), sheet_data(opening, [1, 1, 1]))
    assert response.status_code == 403
    assert sorted(CriterionScore.objects.values_list("score", flat=True)) == [4, 4, 4]
    page = client.get(page_url(candidate)).content.decode()
    assert score_url(candidate) not in page
    assert "the sheet can no longer change" in page


@pytest.mark.parametrize("bad", ["0", "6", "-1", "3.5", "five"])
def test_scores_outside_the_scale_are_rejected(client, world, opening, candidate, bad):
    client.force_login(world.mentor)
    data = sheet_data(opening, [3, 3, 3])
    first = opening.criteria.order_by("position").first()
    data[f"score_{first.pk}"] = bad
    assert client.post(score_url(candidate), data).status_code == 400
    assert not CriterionScore.objects.exists()


@pytest.mark.parametrize("bad", [0, 6])
def test_the_service_rejects_scores_outside_the_scale(world, opening, candidate, bad):
    first = opening.criteria.order_by("position").first()
    with pytest.raises(ValidationError):
        sheet_save(candidate=candidate, interviewer=world.mentor, entries={first.pk: Entry(bad, "x")}, submit=False)
    assert not CriterionScore.objects.exists()
    opening.refresh_from_db()
    assert opening.criteria_locked_at is None


def test_every_score_needs_evidence(client, world, opening, candidate):
    client.force_login(world.mentor)
    data = sheet_data(opening, [3, 3, 3])
    first = opening.criteria.order_by("position").first()
    data[f"evidence_{first.pk}"] = "   "
    response = client.post(score_url(candidate), data)
    assert response.status_code == 400
    assert "supports the score" in response.content.decode()
    assert not CriterionScore.objects.exists()


def test_scoring_closes_once_the_candidate_is_not_selected(client, world, opening, candidate):
    Candidate.objects.filter(pk=candidate.pk).update(status=Candidate.Status.REJECTED, decision_reason="Too far away")
    client.force_login(world.mentor)
    assert client.post(score_url(candidate), sheet_data(opening, [3, 3, 3])).status_code == 403
    assert not ScoreSheet.objects.exists()


def test_others_sheets_stay_hidden_until_my_own_is_submitted(client, world, opening, candidate):
    colleague_scores(candidate)
    client.force_login(world.mentor)
    comparison_url = reverse("selection_comparison", args=[opening.pk])

    before = client.get(page_url(candidate)).content.decode()
    assert COLLEAGUE_NOTE not in before
    assert world.colleague_mentor.get_full_name() not in before
    comparison = client.get(comparison_url).content.decode()
    assert COLLEAGUE_NOTE not in comparison
    assert "5.0" not in comparison and "8.0" not in comparison  # the colleague's score and total

    # Nor does a refused submit, which shows the page again with my errors.
    refused = client.post(score_url(candidate), sheet_data(opening, [3, None, None]))
    assert refused.status_code == 400
    assert COLLEAGUE_NOTE not in refused.content.decode()
    criteria_page = client.get(reverse("selection_criteria", args=[opening.pk])).content.decode()
    assert COLLEAGUE_NOTE not in criteria_page

    # A draft of my own is not enough.
    client.post(score_url(candidate), sheet_data(opening, [3, 3, None], action="draft"))
    assert COLLEAGUE_NOTE not in client.get(page_url(candidate)).content.decode()
    assert "5.0" not in client.get(comparison_url).content.decode()

    client.post(score_url(candidate), sheet_data(opening, [3, 3, 3]))
    after = client.get(page_url(candidate)).content.decode()
    assert COLLEAGUE_NOTE in after
    assert world.colleague_mentor.get_full_name() in after
    comparison = client.get(comparison_url).content.decode()
    assert "4.0" in comparison  # (5 + 3) / 2 on customer contact


def test_drafts_of_others_are_never_shown(client, world, opening, candidate):
    colleague_scores(candidate, submit=False)
    score(candidate, world.mentor, [3, 3, 3])
    client.force_login(world.mentor)
    assert COLLEAGUE_NOTE not in client.get(page_url(candidate)).content.decode()
    client.force_login(world.company_admin)
    page = client.get(page_url(candidate)).content.decode()
    assert COLLEAGUE_NOTE not in page
    assert "Said so in the interview (mentor@example.org" in page  # the submitted sheet is shown


def test_a_company_admin_who_does_not_interview_reads_submitted_sheets(client, world, opening, candidate):
    colleague_scores(candidate)
    client.force_login(world.company_admin)
    page = client.get(page_url(candidate)).content.decode()
    assert COLLEAGUE_NOTE in page
    assert score_url(candidate) not in page  # but does not score


def test_a_company_admin_who_interviews_follows_the_interviewers_rule(client, world, opening, candidate):
    opening.interviewers.add(world.company_admin)
    colleague_scores(candidate)
    client.force_login(world.company_admin)
    assert COLLEAGUE_NOTE not in client.get(page_url(candidate)).content.decode()


def test_anonymised_scoring_hides_who_the_candidate_is_from_interviewers(client, world, opening, candidate):
    opening.anonymised_scoring = True
    opening.save()
    learner = world.other_learner
    client.force_login(world.mentor)
    page = client.get(page_url(candidate)).content.decode()
    assert "Candidate A" in page
    assert "Early mornings and the smell of fresh bread." in page  # the profile itself is there
    for secret in (learner.get_full_name(), learner.email, world.school.name, "Bakkerij Jansen in Gouda"):
        assert secret not in page
    comparison = client.get(reverse("selection_comparison", args=[opening.pk]) + "?names=1").content.decode()
    assert "Candidate A" in comparison
    assert learner.get_full_name() not in comparison

    score(candidate, world.mentor, [3, 3, 3])
    after = client.get(page_url(candidate)).content.decode()
    assert learner.get_full_name() in after and learner.email in after


def test_the_deciding_company_admin_sees_names_and_may_reveal_them_in_the_comparison(client, world, opening, candidate):
    opening.anonymised_scoring = True
    opening.save()
    client.force_login(world.company_admin)
    assert world.other_learner.email in client.get(page_url(candidate)).content.decode()
    url = reverse("selection_comparison", args=[opening.pk])
    assert world.other_learner.get_full_name() not in client.get(url).content.decode()
    assert world.other_learner.get_full_name() in client.get(url + "?names=1").content.decode()


def test_the_first_score_fixes_the_criteria_in_the_same_save(client, world, opening, candidate):
    client.force_login(world.mentor)
    client.post(score_url(candidate), sheet_data(opening, [3, None, None], action="draft"))
    opening.refresh_from_db()
    assert opening.criteria_locked_at is not None


@pytest.mark.parametrize("extra", [0, 4])
def test_the_candidate_page_takes_a_fixed_number_of_queries(
    client, world, opening, candidate, extra, django_assert_max_num_queries
):
    for index in range(extra):
        opening.interviewers.add(person(Role.MENTOR, world.company, email=f"mentor{index}@example.org"))
    for interviewer in opening.interviewers.exclude(pk=world.mentor.pk):
        score(candidate, interviewer, [3, 4, 5])
    score(candidate, world.mentor, [3, 3, 3])
    client.force_login(world.mentor)
    with django_assert_max_num_queries(12):
        response = client.get(page_url(candidate))
    assert response.content.decode().count("Said so in the interview") == 3 * (2 + extra)
