"""Demo certificates: believable states, the demo course's graduates certified, and a second run adds nothing."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.models import Company, School, User
from core.protection import wiping_everything
from home.demo.certificates import seed
from registry.models import Certificate, Course, Enrolment

from .factories_certificates import enrol_completed


@pytest.fixture
def demo_world(db):
    call_command("demo", "--quiet-logins", stdout=io.StringIO())


def test_without_courses_six_imported_certificates_with_an_expired_and_a_revoked_one(demo_world):
    with wiping_everything():  # issued certificates are never deleted, except to empty the demo here
        Certificate.objects.all().delete()
        Enrolment.objects.all().delete()
    today = timezone.localdate()
    seed([], today)
    certificates = Certificate.objects.filter(school__name="Rijnland Vakcollege", imported=True)
    assert certificates.count() == 6
    states = [certificate.state() for certificate in certificates]
    assert states.count("expired") == 1
    assert states.count("revoked") == 1
    revoked = certificates.get(revoked_at__isnull=False)
    assert revoked.revocation_reason
    assert all(certificate.number.startswith("WM-") for certificate in certificates)
    assert certificates.filter(valid_until__lte=today + timedelta(days=60), revoked_at__isnull=True).exists()
    assert mail.outbox == []


def test_seeding_twice_even_on_another_day_adds_nothing(demo_world):
    today = timezone.localdate()
    seed([], today)
    numbers = sorted(Certificate.objects.values_list("number", flat=True))
    seed([], today + timedelta(days=3))
    assert sorted(Certificate.objects.values_list("number", flat=True)) == numbers


def test_a_completed_enrolment_of_a_demo_course_gets_its_certificate(demo_world):
    school = School.objects.get(name="Rijnland Vakcollege")
    teacher = User.objects.get(email="supervisor@demo.werkmentor.nl")
    mentor = User.objects.get(email="mentor@demo.werkmentor.nl")
    course = Course.objects.create(school=school, teacher=teacher, title="Demo", status="completed")
    with wiping_everything():
        Certificate.objects.filter(holder=mentor).delete()
    enrolment = enrol_completed(course, mentor, Company.objects.get(name="Bakkerij De Korenschoof"))
    seed([], timezone.localdate())
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.holder_name == "Marieke de Vries"
    assert not Certificate.objects.filter(holder=mentor, imported=True).exists()
