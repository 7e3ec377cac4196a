"""The coaching plan's first goals drafted from the learner's intake: pre-filled, saved only when confirmed."""

import pytest
from django.urls import reverse

from mentoring.models import LearningGoal
from placements.models import Intake

# One of each kind of person (the full cast costs time and adds nothing here).
ROLES = ["learner", "mentor", "other_mentor", "supervisor", "other_teacher", "company_admin", "outsider", "staff"]


@pytest.fixture
def intake(world):
    return Intake.objects.create(
        learner=world.learner,
        school=world.school,
        wishes="Bake bread.",
        support_needs="A fixed start of the day\n- Ask for help in time\n",
        share_with_employer=True,
    )


def _post(placement, **changes):
    data = {
        "goals-TOTAL_FORMS": "2",
        "goals-INITIAL_FORMS": "2",
        "goals-0-keep": "on",
        "goals-0-title": "Start at seven every day",
        "goals-0-success_measure": "On time on 9 of 10 days.",
        "goals-0-target_date": placement.end_date.isoformat(),
        "goals-0-rationale": "From the intake.",
        "goals-1-title": "Ask for help in time",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("who", ROLES)
def test_drafting_goals_is_for_the_placements_mentor(client, world, intake, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("mentoring_goals_from_intake", args=[world.placement.pk]))
    viewers = {"learner", "supervisor", "colleague_teacher", "coordinator", "staff"}
    assert response.status_code == (200 if who == "mentor" else 403 if who in viewers else 404)


def test_the_draft_is_prefilled_from_the_support_needs_and_saves_nothing(client, world, intake):
    client.force_login(world.mentor)
    response = client.get(reverse("mentoring_goals_from_intake", args=[world.placement.pk]))
    titles = [form.initial["title"] for form in response.context["formset"]]
    assert titles == ["A fixed start of the day", "Ask for help in time"]
    assert all(form.initial["target_date"] <= world.placement.end_date for form in response.context["formset"])
    assert not LearningGoal.objects.exists()


def test_only_the_kept_goals_are_added_on_confirmation(client, world, intake):
    client.force_login(world.mentor)
    url = reverse("mentoring_goals_from_intake", args=[world.placement.pk])
    assert client.post(url, _post(world.placement)).status_code == 302
    assert list(LearningGoal.objects.values_list("title", flat=True)) == ["Start at seven every day"]


def test_a_kept_goal_needs_its_measure_and_nothing_is_saved_without_it(client, world, intake):
    client.force_login(world.mentor)
    url = reverse("mentoring_goals_from_intake", args=[world.placement.pk])
    response = client.post(url, _post(world.placement, **{"goals-0-success_measure": ""}))
    assert response.status_code == 400
    assert not LearningGoal.objects.exists()


def test_a_broken_formset_is_a_form_message(client, world, intake):
    client.force_login(world.mentor)
    url = reverse("mentoring_goals_from_intake", args=[world.placement.pk])
    assert client.post(url, {"goals-TOTAL_FORMS": "x"}).status_code == 400
    assert not LearningGoal.objects.exists()


def test_an_intake_not_shared_with_the_company_drafts_nothing(client, world, intake):
    intake.share_with_employer = False
    intake.save()
    client.force_login(world.mentor)
    url = reverse("mentoring_goals_from_intake", args=[world.placement.pk])
    response = client.get(url)
    assert "has not agreed to share" in response.text
    assert "fixed start" not in response.text
    assert client.post(url, _post(world.placement)).status_code == 400
    assert not LearningGoal.objects.exists()
