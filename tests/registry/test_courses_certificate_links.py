"""A teacher reaches a course's certificates without typing a URL, and completed participants keep their place."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from registry.certificates.services import certificate_issue
from registry.courses.selectors import courses_for_list, courses_ready_for_certificates, places_taken
from registry.courses.services import enrolment_request
from registry.dashboard import registry_todo
from registry.models import Enrolment

from .factories_certificates import certificate_course, participant
from .factories_certificates import enrol_completed as enrol_done
from .factories_courses import enrol, make_course


def _certificates_url(course):
    return reverse("course_certificates", args=[course.pk])


def _ready_course(world):
    """Two participants completed the course; one of them already has a certificate."""
    course = certificate_course(world, max_participants=16)
    enrol_done(course, world.mentor, world.company)
    done = enrol_done(course, participant(world), world.company)
    certificate_issue(enrolment=done, issued_by=world.supervisor)
    return course


# --- places taken ---------------------------------------------------------------------------------------


def test_a_completed_participant_still_takes_a_place(world):
    course = make_course(world, max_participants=16)
    enrol(course, world.mentor, world.company, status=Enrolment.Status.COMPLETED)
    enrol(course, world.colleague_mentor, world.company, status=Enrolment.Status.REQUESTED)
    enrol(course, world.other_mentor, world.other_company, status=Enrolment.Status.WITHDRAWN)
    assert places_taken(course) == 2
    assert courses_for_list(world.supervisor).get(pk=course.pk).taken == 2


def test_course_page_and_list_count_the_completed_participant(client, world):
    course = make_course(world, max_participants=16)
    enrol(course, world.mentor, world.company, status=Enrolment.Status.COMPLETED)
    client.force_login(world.supervisor)
    detail = client.get(reverse("course_detail", args=[course.pk])).content.decode()
    assert "1 of 16 taken" in detail
    listing = client.get(reverse("course_list")).content.decode()
    assert "1 / 16" in listing


def test_a_place_held_by_a_graduate_is_not_handed_out_again(world):
    course = make_course(world, max_participants=1)
    enrol(course, world.colleague_mentor, world.company, status=Enrolment.Status.COMPLETED)
    with pytest.raises(ValidationError, match="full"):
        enrolment_request(course=course, participant=world.mentor, company=world.company)


# --- the course page ------------------------------------------------------------------------------------


def test_course_page_links_teacher_to_certificates_with_counts(client, world):
    course = _ready_course(world)
    client.force_login(world.supervisor)
    response = client.get(reverse("course_detail", args=[course.pk]))
    page = response.content.decode()
    assert _certificates_url(course) in page
    assert "1 ready · 1 issued" in page


def test_course_page_in_dutch_names_the_counts_in_dutch(client, world):
    course = _ready_course(world)
    client.force_login(world.supervisor)
    client.cookies.load({"django_language": "nl"})
    page = client.get(reverse("course_detail", args=[course.pk])).content.decode()
    assert "Certificaten" in page
    assert "1 klaar · 1 uitgegeven" in page


def test_participant_does_not_get_the_certificates_button(client, world):
    course = _ready_course(world)
    client.force_login(world.mentor)
    page = client.get(reverse("course_detail", args=[course.pk])).content.decode()
    assert _certificates_url(course) not in page


# --- the course list ------------------------------------------------------------------------------------


def test_course_list_links_each_course_to_its_certificates(client, world):
    ready = _ready_course(world)
    empty = make_course(world, title="Werkmentortraining nieuwe groep")
    client.force_login(world.coordinator)
    page = client.get(reverse("course_list")).content.decode()
    assert _certificates_url(ready) in page
    assert _certificates_url(empty) in page
    assert "1 ready · 1 issued" in page


def test_course_list_of_a_mentor_has_no_certificate_links(client, world):
    course = _ready_course(world)
    client.force_login(world.mentor)
    page = client.get(reverse("course_list")).content.decode()
    assert _certificates_url(course) not in page


# --- the dashboard --------------------------------------------------------------------------------------


def test_dashboard_tells_the_teacher_who_is_ready_for_a_certificate(client, world):
    course = _ready_course(world)
    client.force_login(world.supervisor)
    page = client.get(reverse("dashboard")).content.decode()
    assert "Ready for a certificate" in page
    assert f"1 participant in {course.title}" in page
    assert _certificates_url(course) in page


def test_dashboard_drops_the_course_once_everyone_has_a_certificate(world):
    course = _ready_course(world)
    assert [c.pk for c in courses_ready_for_certificates(world.supervisor)] == [course.pk]
    certificate_issue(enrolment=course.enrolments.get(participant=world.mentor), issued_by=world.supervisor)
    assert list(courses_ready_for_certificates(world.supervisor)) == []
    assert not registry_todo(world.supervisor).get("courses_ready_for_certificates")


def test_other_school_and_mentors_do_not_see_the_course_on_their_dashboard(world):
    _ready_course(world)
    assert list(courses_ready_for_certificates(world.other_teacher)) == []
    assert "courses_ready_for_certificates" not in registry_todo(world.mentor)
    assert "courses_ready_for_certificates" not in registry_todo(world.learner)
