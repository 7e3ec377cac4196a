"""Signed records never change: edits are refused, corrections are amendments that keep the history readable."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments.models import AssessmentRecord, CompetencyJudgement, Rating, RatingLevel, Signature
from assessments.records.services import Score, record_amend, record_delete, record_save

from .factories_assessments import lock, make_assessment_plan, make_record
from .test_records import edit_data, snapshot


@pytest.fixture
def record(world):
    """A fully rated draft with a competency judgement and an overall part."""
    plan = make_assessment_plan(world.placement)
    record = make_record(world.placement, plan=plan)
    levels = {level.title_en: level for level in RatingLevel.objects.filter(version=plan.framework_version)}
    first = Rating.objects.filter(record=record).order_by("indicator__code").select_related("indicator").first()
    Rating.objects.filter(pk=first.pk).update(level=levels["unsatisfactory"], remarks="Forgets the hygiene rules")
    CompetencyJudgement.objects.create(
        record=record, competency=first.indicator.competency, level=levels["satisfactory"], remarks="Improving"
    )
    AssessmentRecord.objects.filter(pk=record.pk).update(
        overall_level=levels["satisfactory"],
        overall_remarks="A fair start",
        strengths="Punctual",
        development_points="Hygiene",
        learner_response="I will work on hygiene",
    )
    record.refresh_from_db()
    record.first_indicator = first.indicator
    record.levels = levels
    return record


def awaiting(record):
    AssessmentRecord.objects.filter(pk=record.pk).update(status=AssessmentRecord.Status.AWAITING)
    record.refresh_from_db()
    return record


def put_in(record, state):
    """Bring a draft to "awaiting" (sent for signatures) or "signed" (locked)."""
    return lock(record) if state == "signed" else awaiting(record)


# --- A record that is not a draft does not change ----------------------------------------------------------


@pytest.mark.parametrize("state", ["signed", "awaiting"])
def test_edit_page_of_a_record_that_is_no_draft_sends_to_the_detail(client, world, record, state):
    put_in(record, state)
    client.force_login(world.mentor)
    response = client.get(reverse("assessment_edit", args=[record.pk]), follow=True)
    assert response.redirect_chain == [(reverse("assessment_detail", args=[record.pk]), 302)]
    message = "signed and locked; make an amendment" if state == "signed" else "waiting for signatures"
    assert message in response.text


@pytest.mark.parametrize("state", ["signed", "awaiting", "amended"])
@pytest.mark.parametrize("who", ["mentor", "supervisor", "staff"])
def test_saving_a_record_that_is_no_draft_changes_nothing(client, world, record, state, who):
    if state == "awaiting":
        awaiting(record)
    else:
        lock(record)
    if state == "amended":
        record_amend(record=record, by=world.mentor, reason="Typo")
    before = snapshot(record)
    client.force_login(getattr(world, who))
    data = edit_data(record, level=record.levels["good"], remarks="changed", title="Changed", strengths="changed")
    response = client.post(reverse("assessment_edit", args=[record.pk]), data)
    assert response.status_code == 409
    assert "Nothing has been changed" in response.text
    assert snapshot(record) == before


@pytest.mark.parametrize("state", ["signed", "awaiting"])
def test_the_services_refuse_a_record_that_is_no_draft(world, record, state):
    put_in(record, state)
    before = snapshot(record)
    message = "signed and locked; make an amendment" if state == "signed" else "waiting for signatures"
    with pytest.raises(ValidationError, match=message):
        record_save(
            record=record,
            by=world.mentor,
            title="Changed",
            assessed_on=record.assessed_on,
            ratings={},
            judgements={},
            overall=Score(level=None),
        )
    with pytest.raises(ValidationError, match=message):
        record_delete(record=record, by=world.mentor)
    assert snapshot(record) == before


def test_a_save_refused_by_the_service_is_a_409(client, world, record, monkeypatch):
    """The record went to signatures while the form was open: the view read a draft, the service sees the lock."""
    from assessments.records import views

    monkeypatch.setattr(views, "change_refusal", lambda record: None)
    lock(record)
    before = snapshot(record)
    client.force_login(world.mentor)
    data = edit_data(record, level=record.levels["good"], title="Changed")
    response = client.post(reverse("assessment_edit", args=[record.pk]), data)
    assert response.status_code == 409
    assert snapshot(record) == before


@pytest.mark.parametrize("state", ["signed", "awaiting"])
def test_deleting_a_record_that_is_no_draft_is_refused(client, world, record, state):
    put_in(record, state)
    client.force_login(world.mentor)
    response = client.post(reverse("assessment_delete", args=[record.pk]))
    assert response.status_code == 409
    assert AssessmentRecord.objects.filter(pk=record.pk).exists()


def test_a_locked_record_shows_a_lock_notice_and_offers_an_amendment(client, world, record):
    lock(record)
    client.force_login(world.mentor)
    text = client.get(reverse("assessment_detail", args=[record.pk])).text
    assert "Signed and locked on" in text
    assert reverse("assessment_amend", args=[record.pk]) in text
    assert reverse("assessment_edit", args=[record.pk]) not in text
    assert reverse("assessment_delete", args=[record.pk]) not in text


# --- Amending ----------------------------------------------------------------------------------------------


def test_an_amendment_copies_the_content_into_a_new_draft_version(client, world, record):
    lock(record)
    client.force_login(world.supervisor)
    response = client.post(reverse("assessment_amend", args=[record.pk]), {"reason": "Hygiene was rated too low"})
    new = AssessmentRecord.objects.get(amends=record)
    assert response.status_code == 302
    assert response.url == reverse("assessment_edit", args=[new.pk])
    assert (new.version, new.status, new.amendment_reason) == (2, "draft", "Hygiene was rated too low")
    assert (new.subject, new.placement, new.moment, new.framework_version) == (
        record.subject,
        record.placement,
        record.moment,
        record.framework_version,
    )
    assert (new.title, new.assessed_on, new.overall_level, new.overall_remarks) == (
        record.title,
        record.assessed_on,
        record.overall_level,
        record.overall_remarks,
    )
    assert (new.strengths, new.development_points, new.created_by) == ("Punctual", "Hygiene", world.supervisor)
    assert new.learner_response == "" and new.locked_at is None and new.submitted_at is None
    assert not Signature.objects.filter(record=new).exists()

    def rows(r):
        return sorted(r.ratings.values_list("indicator_id", "level_id", "remarks"))

    assert rows(new) == rows(record)
    assert list(new.judgements.values_list("competency_id", "level_id", "remarks")) == list(
        record.judgements.values_list("competency_id", "level_id", "remarks")
    )
    record.refresh_from_db()
    assert record.status == AssessmentRecord.Status.AMENDED
    assert record.locked_at is not None
    assert Signature.objects.filter(record=record).count() == 2


def test_the_old_version_stays_readable_and_both_link_to_each_other(client, world, record):
    lock(record)
    new = record_amend(record=record, by=world.mentor, reason="Hygiene was rated too low")
    record_save(
        record=new,
        by=world.mentor,
        title=new.title,
        assessed_on=new.assessed_on,
        ratings={record.first_indicator.pk: Score(level=record.levels["good"], remarks="Now fine")},
        judgements={},
        overall=Score(level=record.levels["good"]),
    )
    client.force_login(world.learner)
    old_page = client.get(reverse("assessment_detail", args=[record.pk])).text
    assert "Forgets the hygiene rules" in old_page and "Now fine" not in old_page
    assert "I will work on hygiene" in old_page
    assert "replaced by an amendment" in old_page
    assert reverse("assessment_detail", args=[new.pk]) in old_page
    assert "Version 2</a> amends version 1" in old_page and "Hygiene was rated too low" in old_page

    new_page = client.get(reverse("assessment_detail", args=[new.pk])).text
    assert "Now fine" in new_page and "Forgets the hygiene rules" not in new_page
    assert "Version 2 amends <a href" in new_page and reverse("assessment_detail", args=[record.pk]) in new_page


def test_the_list_shows_each_chain_once_with_its_history(client, world, record):
    lock(record)
    second = record_amend(record=record, by=world.mentor, reason="First correction")
    lock(second)
    third = record_amend(record=second, by=world.mentor, reason="Second correction")
    client.force_login(world.mentor)
    text = client.get(reverse("assessment_list", args=[world.placement.pk])).text
    assert text.count("Mid-term assessment</a>") == 1
    assert "version 3" in text
    assert "History" in text
    for version in (record, second, third):
        assert reverse("assessment_detail", args=[version.pk]) in text
    detail = client.get(reverse("assessment_detail", args=[third.pk])).text
    for version in (record, second):
        assert reverse("assessment_detail", args=[version.pk]) in detail


def test_an_amendment_needs_a_reason(client, world, record):
    lock(record)
    client.force_login(world.mentor)
    response = client.post(reverse("assessment_amend", args=[record.pk]), {"reason": "  "})
    assert response.status_code == 400
    assert not AssessmentRecord.objects.filter(amends=record).exists()
    record.refresh_from_db()
    assert record.status == AssessmentRecord.Status.SIGNED


@pytest.mark.parametrize("state", ["draft", "awaiting"])
def test_only_a_signed_record_is_amended(client, world, record, state):
    if state == "awaiting":
        awaiting(record)
    client.force_login(world.mentor)
    response = client.get(reverse("assessment_amend", args=[record.pk]), follow=True)
    assert response.redirect_chain == [(reverse("assessment_detail", args=[record.pk]), 302)]
    response = client.post(reverse("assessment_amend", args=[record.pk]), {"reason": "Why not"})
    assert response.status_code == 409
    assert AssessmentRecord.objects.count() == 1
    record.refresh_from_db()
    assert record.status == state


def test_two_amend_clicks_make_one_amendment(client, world, record):
    lock(record)
    client.force_login(world.mentor)
    first = client.post(reverse("assessment_amend", args=[record.pk]), {"reason": "Typo"})
    second = client.post(reverse("assessment_amend", args=[record.pk]), {"reason": "Typo"})
    assert (first.status_code, second.status_code) == (302, 409)
    assert "already been amended" in second.text
    assert AssessmentRecord.objects.filter(amends=record).count() == 1
    with pytest.raises(ValidationError, match="already been amended"):
        record_amend(record=record, by=world.mentor, reason="Again")


def test_deleting_a_draft_amendment_makes_the_signed_version_valid_again(client, world, record):
    lock(record)
    new = record_amend(record=record, by=world.mentor, reason="Typo")
    client.force_login(world.mentor)
    response = client.post(reverse("assessment_delete", args=[new.pk]))
    assert response.status_code == 302
    assert response.url == reverse("assessment_detail", args=[record.pk])
    assert not AssessmentRecord.objects.filter(pk=new.pk).exists()
    record.refresh_from_db()
    assert record.status == AssessmentRecord.Status.SIGNED and record.locked_at is not None
    assert Rating.objects.filter(record=record, remarks="Forgets the hygiene rules").exists()
    # and it can be amended again
    assert client.post(reverse("assessment_amend", args=[record.pk]), {"reason": "Typo"}).status_code == 302
