"""A locked (signed) assessment record cannot be changed through any view or form, by anyone.

Every URL that takes a record is posted to by each person who could change a draft, with data that would
change it; the record, its ratings, judgements and signatures must come out exactly as they went in.
"""

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse

from assessments.models import AssessmentRecord, CompetencyJudgement, Rating
from tests.assessments.factories_assessments import lock, make_record

pytestmark = pytest.mark.django_db


def _state(record):
    record = AssessmentRecord.objects.get(pk=record.pk)
    return (
        [getattr(record, f.attname) for f in AssessmentRecord._meta.concrete_fields if f.attname != "updated_at"],
        sorted(Rating.objects.filter(record=record).values_list("indicator_id", "level_id", "remarks")),
        sorted(CompetencyJudgement.objects.filter(record=record).values_list("competency_id", "level_id", "remarks")),
        sorted(record.signatures.values_list("email", "verdict", "reason", "signed_at")),
    )


def _tampering_data(record):
    """Everything the rating form and the sign form accept, set to other values than the record has."""
    other_level = record.framework_version.levels.order_by("-value").first()
    data = {
        "title": "Changed afterwards",
        "assessed_on": "2026-01-02",
        "overall_level": str(other_level.pk),
        "overall_remarks": "changed",
        "strengths": "changed",
        "development_points": "changed",
        "verdict": "disagree",
        "reason": "changed",
        "response": "changed",
        "action": "submit",
    }
    for rating in record.ratings.all():
        data[f"indicator_{rating.indicator_id}_level"] = str(other_level.pk)
        data[f"indicator_{rating.indicator_id}_remarks"] = "changed"
    return data


RECORD_URLS = ["assessment_edit", "assessment_submit", "assessment_withdraw", "assessment_sign", "assessment_delete"]


@pytest.mark.parametrize("who", ["mentor", "supervisor", "learner", "coordinator", "staff"])
@pytest.mark.parametrize("url_name", RECORD_URLS)
def test_no_view_changes_a_signed_record(client, world, who, url_name):
    record = lock(make_record(world.placement))
    before = _state(record)
    client.force_login(getattr(world, who))
    response = client.post(reverse(url_name, args=[record.pk]), _tampering_data(record))
    assert response.status_code in (302, 400, 403, 404, 405, 409)
    assert _state(record) == before


def test_amending_leaves_the_signed_record_as_it_was(client, world):
    record = lock(make_record(world.placement))
    before = _state(record)
    client.force_login(world.mentor)
    client.post(reverse("assessment_amend", args=[record.pk]), {"reason": "Wrong date"})
    amendment = AssessmentRecord.objects.get(amends=record)
    record.refresh_from_db()
    assert record.status == AssessmentRecord.Status.AMENDED and record.is_locked
    fields, ratings, judgements, signatures = _state(record)
    assert (ratings, judgements, signatures) == before[1:]
    # The amendment's own edits never reach the record it amends.
    client.post(reverse("assessment_edit", args=[amendment.pk]), _tampering_data(amendment))
    assert _state(record)[1:] == before[1:]
    for url_name in RECORD_URLS:
        client.post(reverse(url_name, args=[record.pk]), _tampering_data(record))
    assert _state(record)[1:] == before[1:]


def test_the_admin_refuses_to_change_a_locked_record(world):
    record = lock(make_record(world.placement))
    request = RequestFactory().get("/")
    request.user = world.staff
    world.staff.is_superuser = True
    model_admin = site._registry[AssessmentRecord]
    assert model_admin.has_change_permission(request, record) is False
    draft = make_record(world.placement, title="Final assessment")
    assert model_admin.has_change_permission(request, draft) is True
