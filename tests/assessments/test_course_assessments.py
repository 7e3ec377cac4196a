"""Assessing work mentors in the mentor course: who may, starting a draft record, and who met the criteria."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from accounts.models import Role
from assessments.courses.selectors import course_assessment_rows, course_assessment_summary
from assessments.models import AssessmentRecord, Framework, FrameworkVersion, Indicator, Rating
from registry.models import Enrolment
from tests.cast import EVERYONE
from tests.factories import person
from tests.registry.factories_courses import enrol, make_course

from .factories_assessments import make_framework_version

TITLE = "Assessment against the mentor job profile"
# Who assesses in a course of world.school taught by world.supervisor, and who sees the course but may not.
ASSESSORS = {"supervisor", "colleague_teacher", "coordinator", "staff"}
SEE_THE_COURSE = {"mentor", "colleague_mentor", "other_mentor", "company_admin", "other_company_admin"}


@pytest.fixture
def profile(db):
    """The shipped job profile of the work mentor (version 1, installed by a migration), with a newer published
    version 2 and a draft version 3 after it."""
    shipped = Framework.objects.get(school__isnull=True, code="mentor-job-profile")
    latest = make_framework_version(framework=shipped, number=2, areas=1, competencies=2, indicators=3)
    make_framework_version(framework=shipped, number=3, published=False)
    return latest


def _retire_mentor_frameworks():
    FrameworkVersion.objects.filter(framework__purpose=Framework.Purpose.MENTORS).update(
        status=FrameworkVersion.Status.RETIRED
    )


@pytest.fixture
def course(world):
    return make_course(world, title="Werkmentortraining voorjaar")


@pytest.fixture
def enrolment(world, course):
    return enrol(course, world.mentor, world.company)


def _start(client, enrolment, **data):
    return client.post(reverse("course_assessment_new", args=[enrolment.pk]), data)


def _edit_url(record):
    for name in ("assessment_edit", "assessment_detail"):
        try:
            return reverse(name, args=[record.pk])
        except NoReverseMatch:
            continue
    raise AssertionError("no record page")


def _sign(record, level_value):
    level = record.framework_version.levels.get(value=level_value)
    now = timezone.now()
    AssessmentRecord.objects.filter(pk=record.pk).update(
        status=AssessmentRecord.Status.SIGNED, locked_at=now, overall_level=level
    )
    record.refresh_from_db()
    return record


@pytest.mark.parametrize("role", EVERYONE)
def test_the_course_assessments_page_is_for_the_schools_teachers_and_coordinators(client, world, course, role):
    client.force_login(getattr(world, role))
    response = client.get(reverse("course_assessments", args=[course.pk]))
    expected = 200 if role in ASSESSORS else 403 if role in SEE_THE_COURSE else 404
    assert response.status_code == expected


def test_starting_an_assessment_makes_a_draft_with_an_empty_rating_per_indicator(client, world, profile, enrolment):
    client.force_login(world.supervisor)
    response = _start(client, enrolment)
    record = AssessmentRecord.objects.get(enrolment=enrolment)
    assert response.status_code == 302
    assert response["Location"] == _edit_url(record)
    assert record.status == AssessmentRecord.Status.DRAFT
    assert record.placement is None
    assert record.subject == world.mentor
    assert record.created_by == world.supervisor
    assert record.title == TITLE
    assert record.framework_version == profile  # the latest published version, not the draft after it
    assert record.assessed_on == timezone.localdate()
    indicators = set(Indicator.objects.filter(competency__area__version=profile).values_list("pk", flat=True))
    ratings = Rating.objects.filter(record=record)
    assert set(ratings.values_list("indicator_id", flat=True)) == indicators and len(indicators) == 6
    assert not ratings.filter(level__isnull=False).exists()


def test_a_second_open_assessment_is_refused(client, world, profile, enrolment):
    client.force_login(world.supervisor)
    _start(client, enrolment)
    response = _start(client, enrolment)
    assert response.status_code == 400
    assert "already has an assessment that is not finished" in response.content.decode()
    AssessmentRecord.objects.filter(enrolment=enrolment).update(status=AssessmentRecord.Status.AWAITING)
    assert _start(client, enrolment).status_code == 400
    assert AssessmentRecord.objects.filter(enrolment=enrolment).count() == 1


def test_after_a_signed_assessment_a_new_one_may_start(client, world, profile, enrolment):
    client.force_login(world.colleague_teacher)
    _start(client, enrolment)
    _sign(AssessmentRecord.objects.get(enrolment=enrolment), 1)
    assert _start(client, enrolment).status_code == 302
    assert AssessmentRecord.objects.filter(enrolment=enrolment).count() == 2


def test_without_a_framework_for_mentors_the_teacher_is_told_and_nothing_is_made(client, world, enrolment):
    _retire_mentor_frameworks()  # a retired version is not offered
    make_framework_version(code="learners-only", title="Exit qualifications")  # for learners: not offered
    make_framework_version(school=world.other_school, code="theirs", title="Theirs", purpose="mentors")
    client.force_login(world.supervisor)
    page = client.get(reverse("course_assessments", args=[enrolment.course_id])).content.decode()
    assert "There is no published framework for assessing work mentors" in page
    assert reverse("course_assessment_new", args=[enrolment.pk]) not in page
    response = _start(client, enrolment)
    assert response.status_code == 400
    assert "There is no published framework for assessing work mentors" in response.content.decode()
    assert not AssessmentRecord.objects.exists()


def test_with_several_frameworks_the_teacher_chooses(client, world, profile, enrolment):
    own = make_framework_version(school=world.school, code="our-profile", title="Our mentor profile", purpose="mentors")
    client.force_login(world.supervisor)
    page = client.get(reverse("course_assessments", args=[enrolment.course_id])).content.decode()
    assert f'<option value="{own.pk}">Our mentor profile, version 1</option>' in page
    assert f'<option value="{profile.pk}">Job profile of the work mentor, version 2</option>' in page
    response = _start(client, enrolment)
    assert response.status_code == 400
    assert "Choose the framework to assess against." in response.content.decode()
    assert _start(client, enrolment, version="not a number").status_code == 400
    draft = FrameworkVersion.objects.get(framework=profile.framework, number=3)
    assert _start(client, enrolment, version=draft.pk).status_code == 400
    assert not AssessmentRecord.objects.exists()
    assert _start(client, enrolment, version=own.pk).status_code == 302
    assert AssessmentRecord.objects.get(enrolment=enrolment).framework_version == own


@pytest.mark.parametrize("role", sorted(set(EVERYONE) - ASSESSORS))
def test_others_cannot_start_an_assessment(client, world, profile, enrolment, role):
    client.force_login(getattr(world, role))
    response = _start(client, enrolment)
    assert response.status_code == (403 if role in SEE_THE_COURSE else 404)
    assert not AssessmentRecord.objects.exists()


def test_starting_needs_a_post_and_an_existing_enrolment(client, world, profile, enrolment):
    client.force_login(world.supervisor)
    assert client.get(reverse("course_assessment_new", args=[enrolment.pk])).status_code == 405
    assert client.post(reverse("course_assessment_new", args=[enrolment.pk + 999])).status_code == 404


def test_a_withdrawn_participant_is_not_assessed(client, world, profile, course):
    withdrawn = enrol(course, world.colleague_mentor, world.company, status=Enrolment.Status.WITHDRAWN)
    client.force_login(world.supervisor)
    response = _start(client, withdrawn)
    assert response.status_code == 400
    assert "withdrawn" in response.content.decode()
    assert not AssessmentRecord.objects.exists()


def test_the_page_shows_each_participants_latest_record_result_and_whether_they_met_the_criteria(
    client, world, profile, course
):
    passed = enrol(course, world.mentor, world.company)
    failed = enrol(course, world.colleague_mentor, world.company)
    busy = enrol(course, person(Role.MENTOR, world.company, first_name="Bram", last_name="Bos"), world.company)
    waiting = enrol(course, person(Role.MENTOR, world.company, first_name="Wim", last_name="Wit"), world.company)
    client.force_login(world.supervisor)
    for enrolment in (passed, failed, busy):
        _start(client, enrolment)
    _sign(AssessmentRecord.objects.get(enrolment=passed), 2)
    _sign(AssessmentRecord.objects.get(enrolment=failed), 1)
    summary = {row.enrolment.pk: row.assessment for row in course_assessment_rows(course)}
    assert summary[passed.pk].met_criteria and summary[passed.pk].result.overall_level.title == "satisfactory"
    assert not summary[failed.pk].met_criteria and summary[failed.pk].result is not None
    assert summary[busy.pk].has_open_record and summary[busy.pk].result is None
    assert not summary[busy.pk].met_criteria
    assert summary[waiting.pk].latest is None
    assert set(course_assessment_summary([passed.pk, waiting.pk])) == {passed.pk}

    page = client.get(reverse("course_assessments", args=[course.pk])).content.decode()
    assert "Werkmentortraining voorjaar" in page
    assert "Marieke de Vries" in page and "Bram Bos" in page and "Wim Wit" in page
    assert page.count('<span class="text-success fw-semibold">Yes</span>') == 1
    assert "Not assessed yet" in page
    assert reverse("assessment_pdf", args=[AssessmentRecord.objects.get(enrolment=passed).pk]) in page
    # A participant with a draft gets no second start button; the others (and the signed ones) do.
    assert reverse("course_assessment_new", args=[busy.pk]) not in page
    for enrolment in (passed, failed, waiting):
        assert reverse("course_assessment_new", args=[enrolment.pk]) in page


def test_a_signed_record_replaced_by_a_newer_signed_one_counts_no_more(world, profile, course, enrolment):
    old = AssessmentRecord.objects.create(
        subject=world.mentor,
        enrolment=enrolment,
        framework_version=profile,
        title=TITLE,
        assessed_on=date(2026, 3, 1),
        created_by=world.supervisor,
    )
    _sign(old, 1)
    newer = AssessmentRecord.objects.create(
        subject=world.mentor,
        enrolment=enrolment,
        framework_version=profile,
        title=TITLE,
        assessed_on=date(2026, 4, 1),
        created_by=world.supervisor,
        amends=old,
        version=2,
    )
    AssessmentRecord.objects.filter(pk=old.pk).update(status=AssessmentRecord.Status.AMENDED)
    _sign(newer, 3)
    [row] = course_assessment_rows(course)
    assert row.assessment.latest == newer and row.assessment.result == newer and row.assessment.met_criteria


def test_the_page_does_a_fixed_number_of_queries(client, world, profile, course):
    client.force_login(world.supervisor)
    enrol(course, world.mentor, world.company)
    client.get(reverse("course_assessments", args=[course.pk]))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("course_assessments", args=[course.pk]))
    for _participant in range(6):
        enrolment = enrol(course, person(Role.MENTOR, world.company), world.company)
        client.post(reverse("course_assessment_new", args=[enrolment.pk]))
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("course_assessments", args=[course.pk]))
    assert response.content.decode().count("waiting for signatures") + response.content.decode().count(">draft<") == 6
    assert len(many) == len(few)


def test_only_frameworks_for_mentors_that_are_shipped_or_the_schools_own_are_offered(world, profile):
    from assessments.courses.selectors import mentor_framework_versions

    make_framework_version(school=world.other_school, code="theirs", title="Theirs", purpose="mentors")
    make_framework_version(code="learners", title="For learners", purpose=Framework.Purpose.LEARNERS)
    assert mentor_framework_versions(world.school.pk) == [profile]
