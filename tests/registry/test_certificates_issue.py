"""Issuing one certificate: the completion and eligibility rules first, one certificate per enrolment, numbers."""

import re
import threading
from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from registry.certificates.eligibility import eligibility
from registry.certificates.services import NotEligible, add_years, certificate_issue
from registry.models import Certificate, CertificateNumberSequence, Enrolment

from .factories_certificates import (
    LEAP_DAY,
    certificate_course,
    enrol_completed,
    give_evidence,
    participant,
    set_rules,
    world_certificate,
)
from .factories_courses import enrol


def issue_url(course, enrolment):
    return reverse("certificate_issue", args=[course.pk, enrolment.pk])


def test_issuing_copies_holder_and_company_and_numbers_the_certificate(world):
    certificate = world_certificate(world, issued_on=date(2026, 3, 2))
    assert re.fullmatch(r"WM-2026-\d{6}", certificate.number)
    assert certificate.holder == world.mentor
    assert certificate.holder_name == "Marieke de Vries"
    assert certificate.holder_email == "mentor@example.org"
    assert (certificate.company_name, certificate.company_city, certificate.company_country) == (
        "Bakkerij De Korenschoof",
        "Utrecht",
        "NL",
    )
    assert certificate.school == world.school
    assert certificate.valid_until == date(2029, 3, 2)  # the default three years
    assert certificate.language == "nl"
    assert certificate.issued_by == world.supervisor
    assert certificate.enrolment.participant == world.mentor


def test_validity_and_language_come_from_the_school_settings(world):
    set_rules(world.school, validity_years=5, certificate_language="en")
    certificate = world_certificate(world, issued_on=date(2026, 1, 10))
    assert certificate.valid_until == date(2031, 1, 10)
    assert certificate.language == "en"


@pytest.mark.parametrize(
    ("issued", "years", "expected"),
    [(LEAP_DAY, 3, date(2027, 2, 28)), (LEAP_DAY, 4, date(2028, 2, 29)), (date(2026, 5, 31), 3, date(2029, 5, 31))],
)
def test_valid_until_handles_29_february(issued, years, expected):
    assert add_years(issued, years) == expected


def test_a_participant_who_did_not_complete_the_course_is_refused_with_what_is_missing(world):
    course = certificate_course(world)
    enrolment = enrol(course, world.mentor, world.company)
    with pytest.raises(NotEligible) as refusal:
        certificate_issue(enrolment=enrolment, issued_by=world.supervisor)
    assert refusal.value.missing == ["The course has not been completed (status: confirmed)."]
    assert not Certificate.objects.exists()


def test_the_schools_rules_list_every_missing_item(world):
    set_rules(world.school, min_experience_years=3, requires_good_conduct=True)
    course = certificate_course(world)
    enrolment = enrol_completed(course, world.mentor, world.company)
    give_evidence(world.mentor, years=1, good_conduct=False)
    assert eligibility(enrolment, world.school) == [
        "At least 3 years of work experience (has 1).",
        "No certificate of good conduct has been uploaded.",
    ]
    give_evidence(world.mentor, years=3, good_conduct=True)
    enrolment.participant.refresh_from_db()
    assert eligibility(Enrolment.objects.get(pk=enrolment.pk), world.school) == []


def test_the_teacher_sees_the_refusal_with_the_missing_list_and_nothing_is_issued(client, world):
    set_rules(world.school, min_experience_years=2)
    course = certificate_course(world)
    enrolment = enrol_completed(course, world.mentor, world.company)
    client.force_login(world.supervisor)
    response = client.post(issue_url(course, enrolment))
    assert response.status_code == 400
    assert "No certificate was issued to Marieke de Vries" in response.text
    assert "At least 2 years of work experience (has 0)." in response.text
    assert not Certificate.objects.exists()


def test_issuing_twice_for_one_enrolment_gives_the_same_certificate(client, world):
    course = certificate_course(world)
    enrolment = enrol_completed(course, world.mentor, world.company)
    client.force_login(world.supervisor)
    first = client.post(issue_url(course, enrolment))
    assert first.status_code == 302
    client.force_login(world.coordinator)
    second = client.post(issue_url(course, enrolment), follow=True)
    assert second.status_code == 200
    assert "already has certificate" in second.text
    assert Certificate.objects.count() == 1
    again, created = certificate_issue(enrolment=enrolment, issued_by=world.staff)
    assert not created
    assert again == Certificate.objects.get()


def test_numbers_count_up_per_year(world):
    course = certificate_course(world)
    numbers = []
    for index in range(3):
        enrolment = enrol_completed(course, participant(world, first_name=f"P{index}", last_name="Smit"), world.company)
        numbers.append(certificate_issue(enrolment=enrolment, issued_by=None, issued_on=date(2027, 6, 1))[0].number)
    assert numbers == ["WM-2027-000001", "WM-2027-000002", "WM-2027-000003"]


def test_the_course_page_lists_every_participant_with_state_and_buttons(client, world, django_assert_max_num_queries):
    set_rules(world.school, min_experience_years=2)
    course = certificate_course(world)
    ready = enrol_completed(course, participant(world, first_name="Anouk", last_name="Bakker"), world.company)
    give_evidence(ready.participant, years=4)
    waiting = enrol_completed(course, participant(world, first_name="Bram", last_name="Claes"), world.company)
    enrol(course, participant(world, first_name="Cor", last_name="Dekker"), world.company)
    certified = enrol_completed(course, world.mentor, world.company)
    give_evidence(world.mentor, years=10)
    certificate_issue(enrolment=certified, issued_by=world.supervisor)
    for index in range(6):
        enrol_completed(course, participant(world, first_name=f"Extra{index}", last_name="Evers"), world.company)
    client.force_login(world.supervisor)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("course_certificates", args=[course.pk]))
    assert response.status_code == 200
    text = response.text
    assert issue_url(course, ready) in text
    assert issue_url(course, waiting) not in text
    assert "At least 2 years of work experience (has 0)." in text
    assert "The course has not been completed (status: confirmed)." in text
    assert Certificate.objects.get().number in text


@pytest.mark.django_db(transaction=True)
def test_numbers_stay_unique_when_teachers_issue_at_the_same_time(world):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time; concurrent issuing needs PostgreSQL (CI runs it)")
    course = certificate_course(world)
    enrolments = [
        enrol_completed(course, participant(world, first_name=f"T{index}", last_name="Visser"), world.company)
        for index in range(8)
    ]
    # Two threads per enrolment: besides unique numbers, each enrolment must end up with one certificate.
    targets = [enrolment for enrolment in enrolments for _ in range(2)]
    barrier = threading.Barrier(len(targets))
    errors = []

    def issue(enrolment):
        try:
            barrier.wait(timeout=10)
            certificate_issue(enrolment=enrolment, issued_by=None, issued_on=date(2028, 1, 3))
        except Exception as exc:  # reported below; a thread must not swallow it
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue, args=(enrolment,)) for enrolment in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    numbers = sorted(Certificate.objects.values_list("number", flat=True))
    assert numbers == [f"WM-2028-{n:06d}" for n in range(1, 9)]
    assert Certificate.objects.values("enrolment").distinct().count() == 8
    assert CertificateNumberSequence.objects.get(year=2028).last == 8
