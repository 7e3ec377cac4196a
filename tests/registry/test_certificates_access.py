"""Who may see and do what with certificates: every endpoint, every role of the cast."""

import pytest
from django.urls import reverse

from registry.models import BulkIssueJob, Certificate, PersonalDataErasure
from tests.cast import EVERYONE

from .factories_certificates import certificate_course, enrol_completed, set_rules, world_certificate

# The school's teachers and coordinators run courses and certificates; staff may do everything.
MANAGERS = {"supervisor", "colleague_teacher", "coordinator", "staff"}
# They see the finished course (the participant, their employer) but do not run it.
COURSE_INSIDERS = {"mentor", "company_admin"}
CERTIFICATE_VIEWERS = MANAGERS | {"mentor", "company_admin"}
ERASERS = {"coordinator", "staff"}
EVIDENCE_KEEPERS = {"mentor", "colleague_mentor", "other_mentor", "company_admin", "other_company_admin"}
SETTINGS_EDITORS = {"coordinator", "other_coordinator", "staff"}


def course_status(who, *, ok=200):
    if who in MANAGERS:
        return ok
    return 403 if who in COURSE_INSIDERS else 404


def certificate_status(who, *, allowed, ok):
    if who in allowed:
        return ok
    return 403 if who in CERTIFICATE_VIEWERS else 404


@pytest.fixture
def course(world):
    course = certificate_course(world)
    enrol_completed(course, world.mentor, world.company)
    return course


@pytest.fixture
def job(world, course):
    return BulkIssueJob.objects.create(course=course, requested_by=world.supervisor, status="done")


@pytest.mark.parametrize("who", EVERYONE)
def test_course_certificates_page_is_for_the_schools_teachers_and_coordinators(client, world, course, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("course_certificates", args=[course.pk]))
    assert response.status_code == course_status(who)


@pytest.mark.parametrize("who", EVERYONE)
def test_issuing_one_certificate_is_for_the_schools_teachers_and_coordinators(client, world, course, who):
    client.force_login(getattr(world, who))
    enrolment = course.enrolments.get()
    response = client.post(reverse("certificate_issue", args=[course.pk, enrolment.pk]))
    assert response.status_code == course_status(who, ok=302)
    assert Certificate.objects.exists() == (who in MANAGERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_bulk_issuing_is_for_the_schools_teachers_and_coordinators(client, world, course, who):
    client.force_login(getattr(world, who))
    response = client.post(reverse("certificate_bulk_issue", args=[course.pk]))
    assert response.status_code == course_status(who, ok=302)
    assert BulkIssueJob.objects.exists() == (who in MANAGERS)


@pytest.mark.parametrize("who", EVERYONE)
@pytest.mark.parametrize("url_name", ["certificate_bulk_job", "certificate_bulk_job_progress"])
def test_bulk_job_pages_are_for_the_schools_teachers_and_coordinators(client, world, job, who, url_name):
    client.force_login(getattr(world, who))
    response = client.get(reverse(url_name, args=[job.public_id]))
    assert response.status_code == course_status(who)


@pytest.mark.parametrize("who", EVERYONE)
def test_retrying_a_bulk_job_is_for_the_schools_teachers_and_coordinators(client, world, job, who):
    client.force_login(getattr(world, who))
    response = client.post(reverse("certificate_bulk_retry", args=[job.public_id]))
    assert response.status_code == course_status(who, ok=302)


@pytest.mark.parametrize("who", EVERYONE)
@pytest.mark.parametrize("url_name", ["certificate_detail", "certificate_pdf"])
def test_a_certificate_is_seen_by_holder_employer_and_school(client, world, who, url_name):
    certificate = world_certificate(world)
    client.force_login(getattr(world, who))
    response = client.get(reverse(url_name, args=[certificate.pk]))
    assert response.status_code == (200 if who in CERTIFICATE_VIEWERS else 404)
    if response.status_code == 200 and url_name == "certificate_pdf":
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("who", EVERYONE)
def test_revoking_is_for_the_issuing_schools_teachers_and_coordinators(client, world, who):
    certificate = world_certificate(world)
    client.force_login(getattr(world, who))
    response = client.post(reverse("certificate_revoke", args=[certificate.pk]), {"revoke-reason": "Fraud"})
    assert response.status_code == certificate_status(who, allowed=MANAGERS, ok=302)
    certificate.refresh_from_db()
    assert (certificate.revoked_at is not None) == (who in MANAGERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_renewing_is_for_the_issuing_schools_teachers_and_coordinators(client, world, who):
    set_rules(world.school, renewal_development_hours=0, renewal_requires_refresher=False)
    certificate = world_certificate(world)
    client.force_login(getattr(world, who))
    response = client.post(reverse("certificate_renew", args=[certificate.pk]))
    assert response.status_code == certificate_status(who, allowed=MANAGERS, ok=302)
    assert Certificate.objects.filter(renews=certificate).exists() == (who in MANAGERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_erasing_personal_data_is_for_the_schools_coordinators_and_staff(client, world, who):
    certificate = world_certificate(world)
    client.force_login(getattr(world, who))
    response = client.post(reverse("certificate_erase", args=[certificate.pk]), {"erase-reason": "GDPR request"})
    assert response.status_code == certificate_status(who, allowed=ERASERS, ok=302)
    assert PersonalDataErasure.objects.exists() == (who in ERASERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_my_certificates_lists_only_ones_own(client, world, who):
    certificate = world_certificate(world)
    client.force_login(getattr(world, who))
    response = client.get(reverse("my_certificates"))
    assert response.status_code == 200
    assert (certificate.number in response.text) == (who == "mentor")


@pytest.mark.parametrize("who", EVERYONE)
def test_the_evidence_page_is_for_work_mentors_and_company_admins(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("my_eligibility"))
    assert response.status_code == (200 if who in EVIDENCE_KEEPERS else 403)


@pytest.mark.parametrize("who", EVERYONE)
@pytest.mark.parametrize("url_name", ["registry_settings", "registry_settings_preview"])
def test_certificate_settings_are_for_coordinators_and_staff(client, world, who, url_name):
    client.force_login(getattr(world, who))
    response = client.get(reverse(url_name))
    assert response.status_code == (200 if who in SETTINGS_EDITORS else 403)


def test_a_coordinator_cannot_open_another_schools_settings(client, world):
    client.force_login(world.coordinator)
    response = client.get(reverse("registry_settings"), {"school": world.other_school.pk})
    assert response.status_code == 404


def test_a_participants_employer_confirmation_does_not_open_another_course(client, world):
    other_course = certificate_course(world, school=world.other_school, teacher=world.other_teacher)
    client.force_login(world.supervisor)
    assert client.get(reverse("course_certificates", args=[other_course.pk])).status_code == 404


def test_an_enrolment_of_another_course_is_not_found(client, world, course):
    other_course = certificate_course(world)
    enrolment = course.enrolments.get()
    client.force_login(world.supervisor)
    response = client.post(reverse("certificate_issue", args=[other_course.pk, enrolment.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize(
    "url_name", ["my_certificates", "my_eligibility", "registry_settings", "registry_settings_preview"]
)
def test_anonymous_visitors_are_sent_to_login(client, db, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_anonymous_visitors_cannot_see_a_certificate_page(client, world):
    certificate = world_certificate(world)
    for url_name in ("certificate_detail", "certificate_pdf"):
        response = client.get(reverse(url_name, args=[certificate.pk]))
        assert response.status_code == 302


def test_the_public_pages_need_no_login(client, world):
    certificate = world_certificate(world)
    assert client.get(reverse("certificate_verify", args=[certificate.public_id])).status_code == 200
    assert client.get(reverse("certificate_lookup")).status_code == 200
