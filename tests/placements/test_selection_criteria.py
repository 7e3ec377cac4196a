"""Selection criteria, interviewers and anonymised scoring: set up by the company admin, fixed once scoring starts."""

import pytest
from django.urls import reverse

from accounts.models import Role
from placements.models import SelectionCriterion
from tests.factories import person

from .factories_recruitment import add_criteria, make_candidate, make_opening, score


@pytest.fixture
def opening(world):
    return make_opening(world)


def criteria_url(opening):
    return reverse("selection_criteria", args=[opening.pk])


def snapshot(opening):
    opening.refresh_from_db()
    return (
        list(opening.criteria.order_by("position", "pk").values_list("pk", "title", "questions", "position")),
        opening.anonymised_scoring,
    )


@pytest.mark.parametrize(
    ("who", "status"),
    [("company_admin", 200), ("staff", 200), ("mentor", 200), ("colleague_teacher", 403), ("other_company_admin", 403)],
)
def test_who_sees_the_criteria_page_of_a_published_opening(client, world, opening, who, status):
    client.force_login(getattr(world, who))
    assert client.get(criteria_url(opening)).status_code == status


@pytest.mark.parametrize(("who", "status"), [("company_admin", 200), ("mentor", 200), ("other_company_admin", 404)])
def test_a_draft_opening_is_not_found_by_outsiders(client, world, who, status):
    draft = make_opening(world, status="draft")
    client.force_login(getattr(world, who))
    assert client.get(criteria_url(draft)).status_code == status


def test_the_admin_adds_edits_reorders_and_removes_criteria(client, world, opening):
    client.force_login(world.company_admin)
    for title in ("Works hygienically", "Customer contact"):
        response = client.post(criteria_url(opening), {"title": title, "questions": f"Questions about {title}"})
        assert response.status_code == 302
    first, second = opening.criteria.order_by("position")
    assert [first.title, second.title] == ["Works hygienically", "Customer contact"]

    response = client.post(
        reverse("selection_criterion_edit", args=[first.pk]), {"title": "Hygiene", "questions": "How do you clean?"}
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.title, first.questions) == ("Hygiene", "How do you clean?")

    assert client.post(reverse("selection_criterion_move", args=[second.pk]), {"direction": "up"}).status_code == 302
    assert list(opening.criteria.order_by("position").values_list("title", flat=True)) == [
        "Customer contact",
        "Hygiene",
    ]

    assert client.post(reverse("selection_criterion_delete", args=[first.pk])).status_code == 302
    assert list(opening.criteria.values_list("title", flat=True)) == ["Customer contact"]
    assert "The criterion “Hygiene” has been removed." in client.get(criteria_url(opening)).content.decode()
    page = client.get(criteria_url(opening)).content.decode()
    assert "Customer contact" in page and "Hygiene" not in page


def test_a_criterion_needs_a_title_and_questions(client, world, opening):
    client.force_login(world.company_admin)
    response = client.post(criteria_url(opening), {"title": "Hygiene", "questions": "  "})
    assert response.status_code == 400
    assert not opening.criteria.exists()


def test_interviewers_cannot_change_criteria(client, world, opening):
    (criterion, *_rest) = add_criteria(opening)
    before = snapshot(opening)
    client.force_login(world.mentor)
    assert client.post(criteria_url(opening), {"title": "X", "questions": "Y"}).status_code == 403
    assert client.post(reverse("selection_criterion_delete", args=[criterion.pk])).status_code == 403
    assert client.get(reverse("selection_criterion_edit", args=[criterion.pk])).status_code == 403
    assert (
        client.post(reverse("selection_anonymised", args=[opening.pk]), {"anonymised_scoring": "on"}).status_code == 403
    )
    assert snapshot(opening) == before


def test_another_companys_admin_gets_404_on_a_criterion_of_a_draft(client, world):
    (criterion, *_rest) = add_criteria(make_opening(world, status="draft"))
    client.force_login(world.other_company_admin)
    assert client.post(reverse("selection_criterion_delete", args=[criterion.pk])).status_code == 404
    assert SelectionCriterion.objects.filter(pk=criterion.pk).exists()


def test_criteria_cannot_change_after_the_first_score(client, world, opening):
    criteria = add_criteria(opening)
    candidate = make_candidate(opening, world.other_learner, "A")
    score(candidate, world.mentor, [4], submit=False)  # even one draft score fixes the criteria
    opening.refresh_from_db()
    assert opening.criteria_locked_at is not None
    before = snapshot(opening)
    client.force_login(world.company_admin)

    refused = [
        client.post(criteria_url(opening), {"title": "New", "questions": "New questions"}),
        client.get(reverse("selection_criterion_edit", args=[criteria[0].pk])),
        client.post(reverse("selection_criterion_edit", args=[criteria[0].pk]), {"title": "Changed", "questions": "Q"}),
        client.post(reverse("selection_criterion_delete", args=[criteria[1].pk])),
        client.post(reverse("selection_criterion_move", args=[criteria[2].pk]), {"direction": "up"}),
        client.post(reverse("selection_anonymised", args=[opening.pk]), {"anonymised_scoring": "on"}),
    ]
    for response in refused:
        assert response.status_code == 409
        assert "can no longer change" in response.content.decode()
    assert snapshot(opening) == before

    page = client.get(criteria_url(opening)).content.decode()
    assert "Criteria fixed on" in page
    assert reverse("selection_criterion_delete", args=[criteria[1].pk]) not in page
    assert reverse("selection_anonymised", args=[opening.pk]) not in page


def test_the_service_refuses_too(world, opening):
    from django.core.exceptions import ValidationError

    from placements.selection import services as services_selection

    criteria = add_criteria(opening)
    score(make_candidate(opening, world.other_learner, "A"), world.mentor, [3, 3, 3])
    with pytest.raises(ValidationError):
        services_selection.criterion_add(opening=opening, title="Late", questions="Too late")
    with pytest.raises(ValidationError):
        services_selection.criterion_update(criterion=criteria[0], title="Other", questions="Other")
    with pytest.raises(ValidationError):
        services_selection.criterion_delete(criterion=criteria[0])
    with pytest.raises(ValidationError):
        services_selection.criterion_move(criterion=criteria[1], direction="down")
    assert opening.criteria.count() == 3


def test_the_admin_picks_interviewers_from_the_companys_mentors_and_admins(client, world, opening):
    client.force_login(world.company_admin)
    response = client.post(
        reverse("selection_interviewers", args=[opening.pk]),
        {"interviewers": [world.mentor.pk, world.company_admin.pk]},
    )
    assert response.status_code == 302
    assert set(opening.interviewers.all()) == {world.mentor, world.company_admin}

    for stranger in (world.other_mentor, world.supervisor):
        response = client.post(reverse("selection_interviewers", args=[opening.pk]), {"interviewers": [stranger.pk]})
        assert response.status_code == 400
    assert set(opening.interviewers.all()) == {world.mentor, world.company_admin}


def test_an_interviewer_who_scored_stays_one(client, world, opening):
    add_criteria(opening)
    score(make_candidate(opening, world.other_learner, "A"), world.colleague_mentor, [3, 3, 3])
    client.force_login(world.company_admin)
    new_mentor = person(Role.MENTOR, world.company, email="new.mentor@example.org")
    response = client.post(
        reverse("selection_interviewers", args=[opening.pk]), {"interviewers": [world.mentor.pk, new_mentor.pk]}
    )
    assert response.status_code == 400
    assert "stays an interviewer" in response.content.decode()
    assert set(opening.interviewers.all()) == {world.mentor, world.colleague_mentor}
    # Adding someone after scoring started is fine.
    response = client.post(
        reverse("selection_interviewers", args=[opening.pk]),
        {"interviewers": [world.mentor.pk, world.colleague_mentor.pk, new_mentor.pk]},
    )
    assert response.status_code == 302
    assert opening.interviewers.count() == 3


def test_anonymised_scoring_is_switched_on_before_scoring(client, world, opening):
    client.force_login(world.company_admin)
    assert (
        client.post(reverse("selection_anonymised", args=[opening.pk]), {"anonymised_scoring": "on"}).status_code == 302
    )
    opening.refresh_from_db()
    assert opening.anonymised_scoring
    assert client.post(reverse("selection_anonymised", args=[opening.pk]), {}).status_code == 302
    opening.refresh_from_db()
    assert not opening.anonymised_scoring
