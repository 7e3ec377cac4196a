"""Who may see, start, rate, amend and delete a placement's assessments: every endpoint, every role."""

from datetime import date

import pytest
from django.urls import reverse

from assessments.models import AssessmentMoment, AssessmentRecord, Assessors, Rating, RatingLevel
from assessments.records.services import record_start
from tests.cast import COACHING_VIEWERS, EVERYONE

from .factories_assessments import lock, make_assessment_plan
from .test_records import edit_data, snapshot

SEES = COACHING_VIEWERS  # the learner, the mentor, the school (supervisors and coordinators) and staff
ASSESSES = {"mentor", "supervisor", "coordinator", "staff"}  # a moment assessed by both (the default)


def expected(who, allowed=ASSESSES):
    if who in allowed:
        return 200
    return 403 if who in SEES else 404


@pytest.fixture
def plan(world):
    return make_assessment_plan(world.placement)


@pytest.fixture
def record(world, plan):
    return record_start(
        moment=plan.moments.first(), by=world.mentor, title="Mid-term assessment", assessed_on=date(2026, 3, 1)
    )


def good(record):
    return RatingLevel.objects.get(version=record.framework_version, title_en="good")


@pytest.mark.parametrize("who", EVERYONE)
def test_list_is_for_those_who_see_the_coaching(client, world, record, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("assessment_list", args=[world.placement.pk]))
    assert response.status_code == (200 if who in SEES else 404)
    if response.status_code == 200:
        assert "Mid-term assessment" in response.text


@pytest.mark.parametrize("who", EVERYONE)
def test_detail_is_for_those_who_see_the_coaching(client, world, record, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("assessment_detail", args=[record.pk]))
    assert response.status_code == (200 if who in SEES else 404)
    if response.status_code == 200:
        assert "Indicator 1.1.1" in response.text
        assert (reverse("assessment_edit", args=[record.pk]) in response.text) == (who in ASSESSES)


@pytest.mark.parametrize("who", EVERYONE)
def test_starting_is_for_the_assessors(client, world, plan, who):
    client.force_login(getattr(world, who))
    url = reverse("assessment_new", args=[world.placement.pk]) + f"?moment={plan.moments.first().pk}"
    assert client.get(url).status_code == expected(who)
    response = client.post(url, {"title": "Mid-term assessment", "assessed_on": "2026-03-01"})
    assert response.status_code == (302 if who in ASSESSES else expected(who))
    assert AssessmentRecord.objects.exists() == (who in ASSESSES)


@pytest.mark.parametrize("who", EVERYONE)
def test_edit_page_is_for_the_assessors(client, world, record, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse("assessment_edit", args=[record.pk])).status_code == expected(who)


@pytest.mark.parametrize("who", EVERYONE)
def test_rating_is_for_the_assessors(client, world, record, who):
    before = snapshot(record)
    client.force_login(getattr(world, who))
    response = client.post(reverse("assessment_edit", args=[record.pk]), edit_data(record, level=good(record)))
    assert response.status_code == (302 if who in ASSESSES else expected(who))
    rated = Rating.objects.filter(record=record, level__isnull=False).exists()
    assert rated == (who in ASSESSES)
    if who not in ASSESSES:
        assert snapshot(record) == before


@pytest.mark.parametrize(
    ("assessors", "allowed"),
    [
        (Assessors.MENTOR, {"mentor"}),
        (Assessors.SUPERVISOR, {"supervisor", "coordinator", "staff"}),
        (Assessors.BOTH, ASSESSES),
    ],
)
@pytest.mark.parametrize("who", ["mentor", "supervisor", "colleague_teacher", "learner"])
def test_the_moment_says_who_assesses(client, world, plan, record, assessors, allowed, who):
    AssessmentMoment.objects.filter(pk=record.moment_id).update(assessors=assessors)
    client.force_login(getattr(world, who))
    response = client.post(reverse("assessment_edit", args=[record.pk]), edit_data(record, level=good(record)))
    assert response.status_code == (302 if who in allowed else expected(who, allowed))
    assert Rating.objects.filter(record=record, level__isnull=False).exists() == (who in allowed)
    list_page = client.get(reverse("assessment_list", args=[world.placement.pk]))
    assert list_page.status_code == 200


@pytest.mark.parametrize("who", ["mentor", "supervisor"])
def test_start_button_follows_the_moment_assessors(client, world, plan, who):
    moment = plan.moments.first()
    moment.assessors = Assessors.SUPERVISOR
    moment.save()
    client.force_login(getattr(world, who))
    page = client.get(reverse("assessment_list", args=[world.placement.pk])).text
    assert ("Start assessment" in page) == (who == "supervisor")
    url = reverse("assessment_new", args=[world.placement.pk]) + f"?moment={moment.pk}"
    assert client.get(url).status_code == (200 if who == "supervisor" else 403)


@pytest.mark.parametrize("who", EVERYONE)
def test_amending_is_for_the_assessors(client, world, record, who):
    lock(record)
    client.force_login(getattr(world, who))
    assert client.get(reverse("assessment_amend", args=[record.pk])).status_code == expected(who)
    response = client.post(reverse("assessment_amend", args=[record.pk]), {"reason": "Wrong level for 1.1.1"})
    assert response.status_code == (302 if who in ASSESSES else expected(who))
    assert AssessmentRecord.objects.filter(amends=record).exists() == (who in ASSESSES)
    record.refresh_from_db()
    assert record.status == (AssessmentRecord.Status.AMENDED if who in ASSESSES else AssessmentRecord.Status.SIGNED)


@pytest.mark.parametrize("who", EVERYONE)
def test_deleting_a_draft_is_for_its_creator_and_assessors(client, world, record, who):
    client.force_login(getattr(world, who))
    response = client.post(reverse("assessment_delete", args=[record.pk]))
    assert response.status_code == (302 if who in ASSESSES else expected(who))
    assert AssessmentRecord.objects.filter(pk=record.pk).exists() == (who not in ASSESSES)


def test_the_creator_deletes_a_draft_even_when_no_longer_an_assessor(client, world, record):
    AssessmentMoment.objects.filter(pk=record.moment_id).update(assessors=Assessors.SUPERVISOR)
    client.force_login(world.mentor)
    assert client.post(reverse("assessment_delete", args=[record.pk])).status_code == 302
    assert not AssessmentRecord.objects.filter(pk=record.pk).exists()


def test_a_record_of_another_school_is_not_found(client, world, record):
    for who in ("other_teacher", "other_coordinator", "other_mentor", "colleague_mentor", "company_admin"):
        client.force_login(getattr(world, who))
        for name in ("assessment_detail", "assessment_edit", "assessment_amend"):
            assert client.get(reverse(name, args=[record.pk])).status_code == 404, (who, name)


def test_an_unknown_record_is_not_found(client, world):
    client.force_login(world.staff)
    assert client.get(reverse("assessment_detail", args=[987654])).status_code == 404
