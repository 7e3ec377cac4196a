"""Assessment moments: when, how and by whom; a moment that was assessed stays."""

from datetime import timedelta

import pytest
from django.urls import reverse

from assessments.models import AssessmentMoment, Assessors, Method
from tests.assessments.factories_assessments import make_assessment_plan, make_record


def moment_data(world, **overrides):
    data = {
        "kind": "final",
        "label": "Final assessment",
        "due_date": (world.placement.end_date - timedelta(days=7)).isoformat(),
        "methods": ["observation", "interview"],
        "assessors": "mentor",
    }
    data.update(overrides)
    return data


@pytest.fixture
def plan(world):
    return make_assessment_plan(world.placement, moments=())


def new_url(world):
    return reverse("assessment_moment_new", args=[world.placement.pk])


def test_the_mentor_adds_a_moment_and_it_shows_on_the_plan(client, world, plan):
    client.force_login(world.mentor)
    response = client.post(new_url(world), moment_data(world))
    assert response.status_code == 302
    moment = plan.moments.get()
    assert (moment.kind, moment.label, moment.assessors) == ("final", "Final assessment", Assessors.MENTOR)
    assert moment.methods == [Method.OBSERVATION, Method.INTERVIEW]
    page = client.get(reverse("assessment_plan", args=[world.placement.pk])).text
    assert "Final assessment" in page
    assert "observation on the job, criterion-based interview" in page
    assert "Work mentor" in page


def test_every_method_can_be_chosen(client, world, plan):
    client.force_login(world.supervisor)
    response = client.post(new_url(world), moment_data(world, methods=list(Method.values)))
    assert response.status_code == 302
    assert plan.moments.get().methods == list(Method.values)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"methods": []}, "Choose at least one assessment method."),
        ({"methods": ["guesswork"]}, "Select a valid choice"),
        ({"kind": "other", "label": " "}, "Give this moment a name."),
        ({"assessors": "learner"}, "Select a valid choice"),
        ({"due_date": ""}, "This field is required."),
    ],
)
def test_an_invalid_moment_is_refused_with_a_message(client, world, plan, overrides, message):
    client.force_login(world.mentor)
    response = client.post(new_url(world), moment_data(world, **overrides))
    assert response.status_code == 200
    assert message in response.text
    assert not plan.moments.exists()


@pytest.mark.parametrize("days", [-1, 1])
def test_the_date_must_fall_within_the_placement(client, world, plan, days):
    placement = world.placement
    outside = placement.start_date + timedelta(days=days) if days < 0 else placement.end_date + timedelta(days=days)
    client.force_login(world.mentor)
    response = client.post(new_url(world), moment_data(world, due_date=outside.isoformat()))
    assert response.status_code == 200
    assert "must fall within the placement" in response.text
    assert not plan.moments.exists()


def test_a_moment_needs_a_plan_first(client, world):
    client.force_login(world.mentor)
    response = client.post(new_url(world), moment_data(world), follow=True)
    assert "Make the assessment plan first" in response.text
    assert not AssessmentMoment.objects.exists()


def test_the_mentor_edits_a_moment(client, world):
    plan = make_assessment_plan(world.placement)
    moment = plan.moments.get()
    client.force_login(world.mentor)
    url = reverse("assessment_moment_edit", args=[world.placement.pk, moment.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, moment_data(world, kind="mid_term", label="", methods=["feedback_360"]))
    assert response.status_code == 302
    moment.refresh_from_db()
    assert (moment.kind, moment.label, moment.methods) == ("mid_term", "", ["feedback_360"])


def test_a_moment_without_records_can_be_removed(client, world):
    plan = make_assessment_plan(world.placement)
    client.force_login(world.supervisor)
    response = client.post(reverse("assessment_moment_delete", args=[world.placement.pk, plan.moments.get().pk]))
    assert response.status_code == 302
    assert not plan.moments.exists()


def test_a_moment_with_records_cannot_be_removed(client, world):
    plan = make_assessment_plan(world.placement)
    moment = plan.moments.get()
    make_record(world.placement)
    client.force_login(world.mentor)
    page = client.get(reverse("assessment_plan", args=[world.placement.pk])).text
    assert reverse("assessment_moment_delete", args=[world.placement.pk, moment.pk]) not in page
    response = client.post(reverse("assessment_moment_delete", args=[world.placement.pk, moment.pk]), follow=True)
    assert "cannot be removed: an assessment has already been made for it" in response.text
    assert plan.moments.filter(pk=moment.pk).exists()


def test_a_moment_of_another_placement_is_not_found(client, world):
    from tests.factories import make_placement

    other = make_placement(school=world.school, company=world.company, mentor=world.mentor)
    foreign_plan = make_assessment_plan(other)
    foreign = foreign_plan.moments.get()
    make_assessment_plan(world.placement, version=foreign_plan.framework_version)
    client.force_login(world.mentor)
    assert client.get(reverse("assessment_moment_edit", args=[world.placement.pk, foreign.pk])).status_code == 404
    response = client.post(reverse("assessment_moment_delete", args=[world.placement.pk, foreign.pk]))
    assert response.status_code == 404
    assert AssessmentMoment.objects.filter(pk=foreign.pk).exists()
