"""Drafting an assessment record: start it for a planned moment, rate it on one page, read it, delete a draft."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments.models import (
    AssessmentMoment,
    AssessmentRecord,
    Assessors,
    CompetencyJudgement,
    Evidence,
    Rating,
    RatingLevel,
)
from assessments.records.services import Score, record_save, record_start
from tests.factories import make_placement

from .factories_assessments import indicators_of, make_assessment_plan, make_framework_version, make_record


def edit_data(record, *, level=None, remarks="", **extra):
    """A complete POST of the edit page: every indicator at `level` (None: not rated) with `remarks`."""
    data = {"title": record.title, "assessed_on": record.assessed_on.isoformat()}
    for rating in Rating.objects.filter(record=record).select_related("indicator"):
        data[f"indicator_{rating.indicator_id}_level"] = str(level.pk) if level else ""
        data[f"indicator_{rating.indicator_id}_remarks"] = remarks
    data.update(extra)
    return data


def snapshot(record):
    """What a change would touch: the record's fields and all its ratings and judgements."""
    record = AssessmentRecord.objects.get(pk=record.pk)
    return (
        (record.title, record.assessed_on, record.status, record.overall_level_id, record.overall_remarks),
        (record.strengths, record.development_points, record.updated_at),
        sorted(Rating.objects.filter(record=record).values_list("indicator_id", "level_id", "remarks")),
        sorted(CompetencyJudgement.objects.filter(record=record).values_list("competency_id", "level_id", "remarks")),
    )


def level(record, title):
    return RatingLevel.objects.get(version=record.framework_version, title_en=title)


@pytest.fixture
def plan(world):
    return make_assessment_plan(world.placement, moments=(AssessmentMoment.Kind.MID_TERM, AssessmentMoment.Kind.FINAL))


@pytest.fixture
def record(world, plan):
    """A fresh draft of the mid-term moment, started as the start page does: nothing rated yet."""
    moment = plan.moments.get(kind=AssessmentMoment.Kind.MID_TERM)
    return record_start(moment=moment, by=world.mentor, title="Mid-term assessment", assessed_on=date(2026, 3, 1))


# --- The list ----------------------------------------------------------------------------------------------


def test_list_without_a_plan_says_so(client, world):
    client.force_login(world.mentor)
    response = client.get(reverse("assessment_list", args=[world.placement.pk]))
    assert response.status_code == 200
    assert "There is no assessment plan for this placement yet" in response.text
    assert "Start assessment" not in response.text


def test_list_offers_to_start_planned_moments_to_their_assessors(client, world, plan):
    final = plan.moments.get(kind=AssessmentMoment.Kind.FINAL)
    final.assessors = Assessors.SUPERVISOR
    final.save()
    client.force_login(world.mentor)
    response = client.get(reverse("assessment_list", args=[world.placement.pk]))
    assert response.status_code == 200
    mid_term = plan.moments.get(kind=AssessmentMoment.Kind.MID_TERM)
    assert f"?moment={mid_term.pk}" in response.text
    assert f"?moment={final.pk}" not in response.text  # the supervisor's moment
    client.force_login(world.learner)
    response = client.get(reverse("assessment_list", args=[world.placement.pk]))
    assert "Start assessment" not in response.text
    assert "Planned, not started yet" in response.text


def test_a_started_moment_is_listed_as_its_record(client, world, plan, record):
    client.force_login(world.mentor)
    response = client.get(reverse("assessment_list", args=[world.placement.pk]))
    assert reverse("assessment_detail", args=[record.pk]) in response.text
    assert f"?moment={record.moment_id}" not in response.text
    assert "Draft" in response.text


# --- Starting ----------------------------------------------------------------------------------------------


def test_start_offers_a_title_from_the_moment(client, world, plan):
    client.force_login(world.mentor)
    final = plan.moments.get(kind=AssessmentMoment.Kind.FINAL)
    response = client.get(reverse("assessment_new", args=[world.placement.pk]) + f"?moment={final.pk}")
    assert response.status_code == 200
    assert 'value="Final assessment"' in response.text
    assert "Test framework, version 1" in response.text


def test_starting_makes_a_draft_on_the_plan_version_with_an_empty_rating_per_chosen_indicator(client, world, plan):
    chosen = indicators_of(plan.framework_version)[:3]
    plan.indicators.set(chosen)
    moment = plan.moments.first()
    client.force_login(world.supervisor)
    response = client.post(
        reverse("assessment_new", args=[world.placement.pk]) + f"?moment={moment.pk}",
        {"title": "Mid-term assessment", "assessed_on": "2026-03-02"},
    )
    record = AssessmentRecord.objects.get(placement=world.placement)
    assert response.status_code == 302
    assert response.url == reverse("assessment_edit", args=[record.pk])
    assert record.status == AssessmentRecord.Status.DRAFT
    assert (record.subject, record.moment, record.framework_version) == (world.learner, moment, plan.framework_version)
    assert (record.created_by, record.assessed_on, record.version) == (world.supervisor, date(2026, 3, 2), 1)
    ratings = Rating.objects.filter(record=record)
    assert sorted(ratings.values_list("indicator_id", flat=True)) == sorted(i.pk for i in chosen)
    assert not ratings.filter(level__isnull=False).exists()


def test_starting_needs_a_plan(client, world):
    client.force_login(world.mentor)
    response = client.post(reverse("assessment_new", args=[world.placement.pk]), {"title": "x"})
    assert response.status_code == 302
    assert response.url == reverse("assessment_list", args=[world.placement.pk])
    assert not AssessmentRecord.objects.exists()


@pytest.mark.parametrize("moment", ["", "abc", "999999"])
def test_starting_needs_a_moment_of_this_plan(client, world, plan, moment):
    client.force_login(world.mentor)
    response = client.get(reverse("assessment_new", args=[world.placement.pk]) + f"?moment={moment}")
    assert response.status_code == 404


def test_a_moment_of_another_placement_is_not_found(client, world, plan):
    other = make_placement(school=world.school, company=world.company, mentor=world.mentor)
    foreign = make_assessment_plan(other, version=plan.framework_version).moments.first()
    client.force_login(world.mentor)
    response = client.post(
        reverse("assessment_new", args=[world.placement.pk]) + f"?moment={foreign.pk}",
        {"title": "Mid-term assessment", "assessed_on": "2026-03-02"},
    )
    assert response.status_code == 404
    assert not AssessmentRecord.objects.exists()


def test_a_moment_is_started_once(client, world, plan, record):
    client.force_login(world.mentor)
    response = client.post(
        reverse("assessment_new", args=[world.placement.pk]) + f"?moment={record.moment_id}",
        {"title": "Again", "assessed_on": "2026-03-02"},
    )
    assert response.status_code == 400
    assert "already been started" in response.text
    assert AssessmentRecord.objects.count() == 1


def test_a_start_without_title_or_date_is_a_form_error(client, world, plan):
    client.force_login(world.mentor)
    response = client.post(
        reverse("assessment_new", args=[world.placement.pk]) + f"?moment={plan.moments.first().pk}",
        {"title": "", "assessed_on": "not a date"},
    )
    assert response.status_code == 400
    assert not AssessmentRecord.objects.exists()


# --- Rating on one page ------------------------------------------------------------------------------------


def test_edit_page_offers_the_version_scale_per_indicator_and_competency(client, world, record):
    client.force_login(world.mentor)
    response = client.get(reverse("assessment_edit", args=[record.pk]))
    assert response.status_code == 200
    for rating in Rating.objects.filter(record=record).select_related("indicator"):
        assert rating.indicator.title in response.text
        assert f'name="indicator_{rating.indicator_id}_level"' in response.text
    assert 'name="competency_' in response.text
    assert 'name="overall_level"' in response.text
    for word in ("unsatisfactory", "satisfactory", "good", "not rated"):
        assert f">{word}</label>" in response.text


def test_saving_stores_ratings_judgements_and_the_overall_part(client, world, record):
    good, fair = level(record, "good"), level(record, "satisfactory")
    indicator = Rating.objects.filter(record=record).select_related("indicator").first().indicator
    data = edit_data(
        record,
        level=good,
        remarks="Steady work",
        title="Mid-term assessment bakery",
        overall_level=str(fair.pk),
        overall_remarks="On the right track.",
        strengths="Careful and punctual.",
        development_points="Ask for help earlier.",
        **{
            f"indicator_{indicator.pk}_level": "",
            f"competency_{indicator.competency_id}_level": str(fair.pk),
            f"competency_{indicator.competency_id}_remarks": "Grows every week.",
        },
    )
    client.force_login(world.mentor)
    response = client.post(reverse("assessment_edit", args=[record.pk]), data)
    assert response.status_code == 302
    assert response.url == reverse("assessment_detail", args=[record.pk])
    record.refresh_from_db()
    assert record.title == "Mid-term assessment bakery"
    assert (record.overall_level, record.overall_remarks) == (fair, "On the right track.")
    assert (record.strengths, record.development_points) == ("Careful and punctual.", "Ask for help earlier.")
    assert record.status == AssessmentRecord.Status.DRAFT
    ratings = Rating.objects.filter(record=record)
    assert ratings.get(indicator=indicator).level is None
    assert ratings.exclude(indicator=indicator).filter(level=good, remarks="Steady work").count() == ratings.count() - 1
    judgement = CompetencyJudgement.objects.get(record=record)
    assert (judgement.competency_id, judgement.level, judgement.remarks) == (
        indicator.competency_id,
        fair,
        "Grows every week.",
    )

    page = client.get(reverse("assessment_detail", args=[record.pk])).text
    assert "Grows every week." in page and "Careful and punctual." in page and "Steady work" in page
    assert ">good</td>" in page and ">not rated</td>" in page


def test_saving_again_changes_rows_instead_of_adding_them(client, world, record):
    client.force_login(world.mentor)
    competency = Rating.objects.filter(record=record).first().indicator.competency_id
    fair = level(record, "satisfactory")
    extra = {f"competency_{competency}_level": str(fair.pk)}
    client.post(reverse("assessment_edit", args=[record.pk]), edit_data(record, level=fair, **extra))
    client.post(reverse("assessment_edit", args=[record.pk]), edit_data(record, remarks="second", **extra))
    assert Rating.objects.filter(record=record).count() == len(indicators_of(record.framework_version))
    assert not Rating.objects.filter(record=record, level__isnull=False).exists()
    assert (
        Rating.objects.filter(record=record, remarks="second").count() == Rating.objects.filter(record=record).count()
    )
    assert CompetencyJudgement.objects.filter(record=record).count() == 1


def test_a_record_made_without_rating_rows_gets_them_on_the_first_save(client, world, plan):
    record = make_record(world.placement, plan=plan, rate=False)
    good = level(record, "good")
    data = {"title": record.title, "assessed_on": "2026-03-01"}
    data.update(
        {f"indicator_{indicator.pk}_level": str(good.pk) for indicator in indicators_of(plan.framework_version)}
    )
    client.force_login(world.mentor)
    assert client.post(reverse("assessment_edit", args=[record.pk]), data).status_code == 302
    assert Rating.objects.filter(record=record, level=good).count() == len(indicators_of(plan.framework_version))


def test_a_level_of_another_version_is_rejected_and_nothing_changes(client, world, record):
    foreign = make_framework_version(code="other", number=1).levels.get(value=3)
    indicator_id = Rating.objects.filter(record=record).first().indicator_id
    before = snapshot(record)
    client.force_login(world.mentor)
    for field in (f"indicator_{indicator_id}_level", "overall_level"):
        data = edit_data(record, level=level(record, "good"), title="Changed", **{field: str(foreign.pk)})
        response = client.post(reverse("assessment_edit", args=[record.pk]), data)
        assert response.status_code == 400
        assert "Select a valid choice" in response.text
        assert snapshot(record) == before


def test_the_service_refuses_a_level_of_another_version(world, record):
    foreign = make_framework_version(code="other", number=1).levels.first()
    before = snapshot(record)
    with pytest.raises(ValidationError, match="not part of this assessment"):
        record_save(
            record=record,
            by=world.mentor,
            title="x",
            assessed_on=record.assessed_on,
            ratings={},
            judgements={},
            overall=Score(level=foreign),
        )
    assert snapshot(record) == before


def test_the_service_refuses_an_indicator_outside_the_record(world, record):
    other = indicators_of(make_framework_version(code="other"))[0]
    before = snapshot(record)
    with pytest.raises(ValidationError, match="indicator is not part"):
        record_save(
            record=record,
            by=world.mentor,
            title="x",
            assessed_on=record.assessed_on,
            ratings={other.pk: Score(level=None)},
            judgements={},
            overall=Score(level=None),
        )
    assert snapshot(record) == before


def test_evidence_tagged_with_an_indicator_is_shown_next_to_it(client, world, record):
    first, second = indicators_of(record.framework_version)[:2]
    for title, indicators in (("Photo of the bread", [first]), ("Sourdough log", [first, second])):
        evidence = Evidence.objects.create(placement=world.placement, title=title, added_by=world.learner)
        evidence.indicators.set(indicators)
    elsewhere = Evidence.objects.create(
        placement=make_placement(school=world.school, company=world.company), title="Not here", added_by=world.mentor
    )
    elsewhere.indicators.set([first])
    client.force_login(world.mentor)
    response = client.get(reverse("assessment_edit", args=[record.pk]))
    assert "2 pieces of evidence" in response.text
    assert "1 piece of evidence" in response.text
    assert "Photo of the bread" in response.text and "Sourdough log" in response.text
    assert "Not here" not in response.text


# --- Reading -----------------------------------------------------------------------------------------------


def test_detail_shows_everything_readable(client, world, record):
    AssessmentRecord.objects.filter(pk=record.pk).update(
        strengths="Works neatly", development_points="Plan the day", learner_response="I agree mostly"
    )
    client.force_login(world.learner)
    response = client.get(reverse("assessment_detail", args=[record.pk]))
    text = response.text
    assert response.status_code == 200
    assert "Daan Jansen" in text and world.company.name in text
    assert "Test framework, version 1" in text
    assert "mid-term" in text and "observation on the job" in text and "portfolio of evidence" in text
    assert "Competency 1.1" in text and "Indicator 2.2.2" in text
    assert "Works neatly" in text and "Plan the day" in text and "I agree mostly" in text
    assert "Draft" in text
    assert reverse("assessment_edit", args=[record.pk]) not in text  # the learner does not edit


def test_detail_offers_edit_and_delete_to_an_assessor_of_a_draft(client, world, record):
    client.force_login(world.mentor)
    text = client.get(reverse("assessment_detail", args=[record.pk])).text
    assert reverse("assessment_edit", args=[record.pk]) in text
    assert reverse("assessment_delete", args=[record.pk]) in text
    assert reverse("assessment_amend", args=[record.pk]) not in text


# --- Deleting a draft --------------------------------------------------------------------------------------


def test_deleting_a_draft_frees_its_moment(client, world, record):
    client.force_login(world.mentor)
    response = client.post(reverse("assessment_delete", args=[record.pk]))
    assert response.status_code == 302
    assert response.url == reverse("assessment_list", args=[world.placement.pk])
    assert not AssessmentRecord.objects.exists()
    assert not Rating.objects.exists()
    page = client.get(reverse("assessment_list", args=[world.placement.pk])).text
    assert f"?moment={record.moment_id}" in page


def test_delete_is_post_only(client, world, record):
    client.force_login(world.mentor)
    assert client.get(reverse("assessment_delete", args=[record.pk])).status_code == 405
    assert AssessmentRecord.objects.filter(pk=record.pk).exists()
