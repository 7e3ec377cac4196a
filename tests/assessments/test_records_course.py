"""Records of a work mentor in a course (enrolment set, no placement) read and edit on the same pages."""

from datetime import date

import pytest
from django.urls import reverse

from assessments.models import AssessmentRecord, Framework, Rating, RatingLevel
from tests.cast import EVERYONE
from tests.registry.factories_courses import running_course

from .factories_assessments import indicators_of, make_framework_version
from .test_records import snapshot

VIEWS = {"mentor", "supervisor", "colleague_teacher", "coordinator", "staff"}  # participant, school staff, staff
ASSESSES = {"supervisor", "colleague_teacher", "coordinator", "staff"}  # the course teacher and the school


def expected(who):
    if who in ASSESSES:
        return 200
    return 403 if who in VIEWS else 404


@pytest.fixture
def record(world):
    """A draft about world.mentor in a course taught by world.supervisor, made without rating rows."""
    course = running_course(world, past=True)
    version = make_framework_version(
        school=world.school, code="mentor-profile", title="Mentor profile", purpose=Framework.Purpose.MENTORS
    )
    return AssessmentRecord.objects.create(
        subject=world.mentor,
        enrolment=course.enrolment,
        framework_version=version,
        title="Practical assessment",
        assessed_on=date(2026, 3, 1),
        created_by=world.supervisor,
    )


def rate_all(record, level):
    data = {"title": record.title, "assessed_on": record.assessed_on.isoformat(), "strengths": "Listens well"}
    data.update({f"indicator_{i.pk}_level": str(level.pk) for i in indicators_of(record.framework_version)})
    return data


@pytest.mark.parametrize("who", EVERYONE)
def test_detail_is_for_the_participant_and_the_school(client, world, record, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("assessment_detail", args=[record.pk]))
    assert response.status_code == (200 if who in VIEWS else 404)
    if response.status_code == 200:
        assert "Werkmentortraining" in response.text
        assert reverse("course_detail", args=[record.enrolment.course_id]) in response.text
        assert "Mentor profile, version 1" in response.text
        assert "Indicator 2.2.2" in response.text  # every indicator of the version, no plan needed
        assert "Marieke de Vries" in response.text


@pytest.mark.parametrize("who", EVERYONE)
def test_editing_is_for_the_course_teacher_and_the_school(client, world, record, who):
    good = RatingLevel.objects.get(version=record.framework_version, value=3)
    client.force_login(getattr(world, who))
    assert client.get(reverse("assessment_edit", args=[record.pk])).status_code == expected(who)
    response = client.post(reverse("assessment_edit", args=[record.pk]), rate_all(record, good))
    assert response.status_code == (302 if who in ASSESSES else expected(who))
    rated = Rating.objects.filter(record=record, level=good).count()
    assert rated == (len(indicators_of(record.framework_version)) if who in ASSESSES else 0)


def test_the_course_teacher_rates_every_indicator_without_evidence(client, world, record):
    client.force_login(world.supervisor)
    response = client.get(reverse("assessment_edit", args=[record.pk]))
    assert response.status_code == 200
    for indicator in indicators_of(record.framework_version):
        assert f'name="indicator_{indicator.pk}_level"' in response.text
    assert "No evidence yet" not in response.text and "piece of evidence" not in response.text
    good = RatingLevel.objects.get(version=record.framework_version, value=3)
    client.post(reverse("assessment_edit", args=[record.pk]), rate_all(record, good))
    record.refresh_from_db()
    assert record.strengths == "Listens well"
    page = client.get(reverse("assessment_detail", args=[record.pk])).text
    assert "Listens well" in page and ">good</td>" in page


def test_a_signed_course_record_is_refused_and_amended_by_the_teacher(client, world, record):
    AssessmentRecord.objects.filter(pk=record.pk).update(status="signed", locked_at="2026-03-02T10:00:00Z")
    before = snapshot(record)
    client.force_login(world.supervisor)
    good = RatingLevel.objects.get(version=record.framework_version, value=3)
    assert client.post(reverse("assessment_edit", args=[record.pk]), rate_all(record, good)).status_code == 409
    assert snapshot(record) == before
    response = client.post(reverse("assessment_amend", args=[record.pk]), {"reason": "Wrong date"})
    assert response.status_code == 302
    new = AssessmentRecord.objects.get(amends=record)
    assert (new.enrolment, new.placement, new.version, new.status) == (record.enrolment, None, 2, "draft")
    client.force_login(world.mentor)  # the participant reads but does not amend
    assert client.get(reverse("assessment_amend", args=[new.pk])).status_code == 403


def test_deleting_a_course_draft_returns_to_the_course(client, world, record):
    client.force_login(world.supervisor)
    response = client.post(reverse("assessment_delete", args=[record.pk]))
    assert response.status_code == 302
    assert response.url == reverse("course_detail", args=[record.enrolment.course_id])
    assert not AssessmentRecord.objects.filter(pk=record.pk).exists()
