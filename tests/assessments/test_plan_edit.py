"""Making and changing the assessment plan: which framework version, which indicators, and when that is fixed."""

import pytest
from django.urls import reverse

from assessments.models import AssessmentPlan, Framework
from assessments.plans.services import assessment_plan_save
from tests.assessments.factories_assessments import (
    indicators_of,
    make_assessment_plan,
    make_framework_version,
    make_record,
)


@pytest.fixture
def shipped(world):
    return make_framework_version(code="shipped", title="Bakery assistant")


def edit_url(world):
    return reverse("assessment_plan_edit", args=[world.placement.pk])


def plan_data(version, indicators=None, **overrides):
    indicators = indicators_of(version) if indicators is None else indicators
    data = {"framework_version": version.pk, "indicators": [i.pk for i in indicators], "notes": ""}
    data.update(overrides)
    return data


def test_the_choice_offers_the_latest_published_learner_frameworks_of_the_school_and_shipped(client, world, shipped):
    old = make_framework_version(code="old", title="Retail")
    newest = make_framework_version(framework=old.framework, number=2)
    make_framework_version(framework=old.framework, number=3, published=False)
    own = make_framework_version(school=world.school, code="own", title="Our own bakery profile")
    foreign = make_framework_version(school=world.other_school, code="foreign", title="Foreign profile")
    mentors = make_framework_version(code="mentors", title="Mentor profile", purpose=Framework.Purpose.MENTORS)
    client.force_login(world.mentor)
    form = client.get(edit_url(world)).context["form"]
    offered = set(form.fields["framework_version"].queryset)
    assert {shipped, newest, own} <= offered
    assert not offered & {old, foreign, mentors}
    assert all(version.framework.purpose == Framework.Purpose.LEARNERS for version in offered)


def test_all_indicators_are_chosen_to_begin_with(client, world, shipped):
    client.force_login(world.mentor)
    page = client.get(edit_url(world), {"framework_version": shipped.pk}).text
    assert page.count('name="indicators"') == 8
    assert page.count("checked") == 8
    assert "Competency 2.2" in page


def test_the_mentor_makes_a_plan_with_some_indicators(client, world, shipped):
    chosen = indicators_of(shipped)[:3]
    client.force_login(world.mentor)
    response = client.post(edit_url(world), plan_data(shipped, chosen, notes="Mostly on the morning shift."))
    assert response.status_code == 302
    plan = AssessmentPlan.objects.get(placement=world.placement)
    assert (plan.framework_version, plan.notes, plan.created_by) == (
        shipped,
        "Mostly on the morning shift.",
        world.mentor,
    )
    assert set(plan.indicators.all()) == set(chosen)
    page = client.get(reverse("assessment_plan", args=[world.placement.pk])).text
    assert "Indicator 1.1.1" in page
    assert "Indicator 2.2.2" not in page


def test_at_least_one_indicator_is_needed(client, world, shipped):
    client.force_login(world.mentor)
    response = client.post(edit_url(world), plan_data(shipped, []))
    assert response.status_code == 200
    assert "Choose at least one indicator to assess." in response.text
    assert not AssessmentPlan.objects.exists()


def test_indicators_of_another_version_are_refused(client, world, shipped):
    other = make_framework_version(code="other", title="Other")
    client.force_login(world.mentor)
    response = client.post(edit_url(world), plan_data(shipped, indicators_of(other)[:1]))
    assert response.status_code == 200
    assert not AssessmentPlan.objects.exists()


def test_a_framework_of_another_school_is_refused(client, world, shipped):
    foreign = make_framework_version(school=world.other_school, code="foreign", title="Foreign")
    client.force_login(world.mentor)
    response = client.post(edit_url(world), plan_data(foreign))
    assert response.status_code == 200
    assert not AssessmentPlan.objects.exists()


def test_the_version_may_change_while_there_are_no_records(client, world, shipped):
    plan = make_assessment_plan(world.placement, version=shipped)
    other = make_framework_version(code="other", title="Other", areas=1, competencies=1, indicators=3)
    client.force_login(world.supervisor)
    response = client.post(edit_url(world), plan_data(other))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.framework_version == other
    assert set(plan.indicators.all()) == set(indicators_of(other))


def test_the_version_is_fixed_once_a_record_exists_but_indicators_may_change(client, world, shipped):
    plan = make_assessment_plan(world.placement, version=shipped)
    make_record(world.placement)
    other = make_framework_version(code="other", title="Other")
    client.force_login(world.mentor)

    page = client.get(edit_url(world)).text
    assert "so the framework version stays as it is" in page

    response = client.post(edit_url(world), plan_data(other))
    assert response.status_code == 200
    assert "The framework version can no longer change" in response.text
    plan.refresh_from_db()
    assert plan.framework_version == shipped
    assert plan.indicators.count() == 8

    response = client.post(edit_url(world), plan_data(shipped, indicators_of(shipped)[:2]))
    assert response.status_code == 302
    assert plan.indicators.count() == 2


def test_the_service_refuses_a_version_change_after_a_record_too(world, shipped):
    from django.core.exceptions import ValidationError

    make_assessment_plan(world.placement, version=shipped)
    make_record(world.placement)
    other = make_framework_version(code="other", title="Other")
    with pytest.raises(ValidationError, match="can no longer change"):
        assessment_plan_save(
            placement=world.placement, by=world.mentor, framework_version=other, indicators=indicators_of(other)
        )


def test_a_plan_keeps_its_version_after_a_newer_one_is_published(client, world, shipped):
    plan = make_assessment_plan(world.placement, version=shipped)
    newer = make_framework_version(framework=shipped.framework, number=2)
    client.force_login(world.mentor)
    form = client.get(edit_url(world)).context["form"]
    assert {shipped, newer} <= set(form.fields["framework_version"].queryset)
    assert form.initial["framework_version"] == shipped.pk
    response = client.post(edit_url(world), plan_data(shipped, indicators_of(shipped)[:1]))
    assert response.status_code == 302
    assert plan.indicators.count() == 1


def test_choosing_another_version_shows_its_indicators_without_saving(client, world, shipped):
    other = make_framework_version(code="other", title="Other", areas=1, competencies=1, indicators=3)
    client.force_login(world.mentor)
    # htmx asks for the page with the chosen version and swaps in the indicator list.
    page = client.get(edit_url(world), {"framework_version": other.pk}, headers={"HX-Request": "true"}).text
    assert page.count('name="indicators"') == 3
    # Without scripts the button does the same through a POST that saves nothing.
    response = client.post(edit_url(world), {**plan_data(other, []), "show_indicators": "1", "notes": "Kept"})
    assert response.status_code == 200
    assert response.text.count("checked") == 3
    assert "Kept" in response.text
    assert not AssessmentPlan.objects.exists()


def test_without_a_published_framework_the_page_explains(client, world):
    Framework.objects.all().delete()
    make_framework_version(published=False)
    client.force_login(world.mentor)
    response = client.get(edit_url(world))
    assert response.status_code == 200
    assert "There is no published competency framework" in response.text
