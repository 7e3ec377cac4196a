"""Small builders for certificate tests, around the `world` cast (tests/conftest.py)."""

import io
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from accounts.models import Role
from registry.certificates.eligibility import registry_settings_for
from registry.certificates.numbering import next_certificate_number
from registry.certificates.services import add_years, certificate_issue, holder_snapshot
from registry.models import Certificate, Course, Enrolment, MentorEligibility
from tests.factories import person

from .factories_courses import enrol, make_course


def certificate_course(world, **kwargs) -> Course:
    """A finished course of the world's school, taught by its supervisor."""
    kwargs.setdefault("title", "Werkmentortraining najaar")
    kwargs.setdefault("status", Course.Status.COMPLETED)
    return make_course(world, **kwargs)


def enrol_completed(course, participant, company, **kwargs) -> Enrolment:
    """An enrolment that has been completed, so that a certificate can be issued."""
    return enrol(course, participant, company, status=Enrolment.Status.COMPLETED, **kwargs)


def participant(world, *, first_name="Zoë", last_name="Hoekstra-Çelik", email=None, company=None):
    company = company or world.company
    return person(
        Role.MENTOR,
        company,
        first_name=first_name,
        last_name=last_name,
        email=email or f"{first_name}.{last_name}@example.org".lower().replace("ë", "e").replace("ç", "c"),
    )


def set_rules(school, **rules):
    settings = registry_settings_for(school)
    for name, value in rules.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def give_evidence(user, *, years=5, good_conduct=True) -> MentorEligibility:
    evidence, _ = MentorEligibility.objects.update_or_create(user=user, defaults={"work_experience_years": years})
    if good_conduct:
        evidence.good_conduct_file.save("vog.pdf", pdf_upload(), save=True)
    return evidence


def world_certificate(world, *, issued_on=None, **course_kwargs) -> Certificate:
    """The world's mentor (Marieke de Vries at Bakkerij De Korenschoof) certified by the supervisor."""
    course = certificate_course(world, **course_kwargs)
    enrolment = enrol_completed(course, world.mentor, world.company)
    certificate, _created = certificate_issue(enrolment=enrolment, issued_by=world.supervisor, issued_on=issued_on)
    return certificate


def imported_certificate(world, *, holder=None, issued_on=None, valid_until=None, **fields) -> Certificate:
    """A certificate written straight into the register, as an import would."""
    holder = holder or world.mentor
    issued_on = issued_on or timezone.localdate() - timedelta(days=400)
    return Certificate.objects.create(
        number=next_certificate_number(issued_on.year),
        school=fields.pop("school", world.school),
        issued_on=issued_on,
        valid_until=valid_until or add_years(issued_on, 3),
        imported=True,
        **{**holder_snapshot(holder=holder, company=world.company), **fields},
    )


def pdf_upload(name="vog.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n% a certificate of good conduct\n", content_type="application/pdf")


def png_bytes(size=(60, 20), colour=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def png_upload(name="logo.png", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(**kwargs), content_type="image/png")


LEAP_DAY = date(2024, 2, 29)
