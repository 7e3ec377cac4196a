"""Records that cannot be destroyed (issue 14, item 4): signed assessment records, issued certificates and
confirmed minutes — and the placements that hold them — are neither deleted nor edited, the admin included."""

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from assessments.models import AssessmentRecord, Framework, Rating, Signature
from meetings.models import Meeting, Minutes, MinutesConfirmation
from placements.models import Placement
from registry.certificates.revoke import certificate_erase
from registry.certificates.selectors import ERASED
from registry.models import Certificate, Enrolment, PersonalDataErasure
from tests.assessments.factories_assessments import lock, make_framework_version, make_record
from tests.factories import UserFactory, make_placement
from tests.meetings.factories_meetings import held_meeting
from tests.meetings.factories_reminders import minutes_of
from tests.registry.factories_certificates import (
    certificate_course,
    enrol_completed,
    imported_certificate,
    participant,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(email="root@example.org", is_staff=True, is_superuser=True))
    return client


def url(obj, view):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_{view}", args=[obj.pk])


def changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def refused_in_admin(client, obj):
    """Every admin way to delete `obj` is refused and the row stays."""
    model = type(obj)
    assert client.get(url(obj, "delete")).status_code == 403
    assert client.post(url(obj, "delete"), {"post": "yes"}).status_code == 403
    response = client.post(
        changelist(model), {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"}, follow=True
    )
    assert response.status_code == 200
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Nothing was deleted." in shown
    assert any("cannot be deleted" in m for m in shown)
    assert model.objects.filter(pk=obj.pk).exists()


# --- Assessment records ---------------------------------------------------------------------------------


def test_signed_record_cannot_be_deleted_or_edited_in_the_admin(world, admin_client):
    record = lock(make_record(world.placement))
    refused_in_admin(admin_client, record)
    # The change form shows the record read-only; a POST is refused and changes nothing.
    assert admin_client.get(url(record, "change")).status_code == 200
    response = admin_client.post(url(record, "change"), {"title": "Rewritten", "status": "draft"})
    assert response.status_code == 403
    record.refresh_from_db()
    assert record.title == "Mid-term assessment" and record.status == AssessmentRecord.Status.SIGNED
    assert record.ratings.count() == 8 and record.signatures.count() == 2


def test_signed_record_and_its_parts_cannot_be_deleted_in_the_orm(world):
    record = lock(make_record(world.placement))
    with pytest.raises(ProtectedError, match="cannot be deleted: it is signed"):
        record.delete()
    with pytest.raises(ProtectedError):
        AssessmentRecord.objects.filter(pk=record.pk).delete()
    # Its ratings and signatures: refused by the last-line guard, inside the deletion's transaction.
    with pytest.raises(ProtectedError, match="belongs to a signed assessment record"), transaction.atomic():
        Rating.objects.filter(record=record).delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        Signature.objects.filter(record=record).delete()
    assert record.ratings.count() == 8 and record.signatures.count() == 2


def test_a_draft_record_can_still_be_deleted_in_the_admin(world, admin_client):
    draft = make_record(world.placement)
    response = admin_client.post(url(draft, "delete"), {"post": "yes"})
    assert response.status_code == 302
    assert not AssessmentRecord.objects.filter(pk=draft.pk).exists()
    assert not Rating.objects.filter(record_id=draft.pk).exists()


def test_enrolment_with_a_signed_mentor_assessment_cannot_be_deleted(world):
    enrolment = enrol_completed(certificate_course(world), world.mentor, world.company)
    record = AssessmentRecord.objects.create(
        subject=world.mentor,
        enrolment=enrolment,
        framework_version=make_framework_version(code="mentors", purpose=Framework.Purpose.MENTORS),
        title="Practical assessment",
        assessed_on=date(2026, 3, 1),
        created_by=world.supervisor,
        status=AssessmentRecord.Status.SIGNED,
        locked_at=timezone.now(),
    )
    with pytest.raises(ProtectedError) as refused:
        enrolment.delete()
    assert refused.value.protected_objects == {record}
    assert Enrolment.objects.filter(pk=enrolment.pk).exists()


# --- Placements that hold them --------------------------------------------------------------------------


def test_placement_with_a_signed_record_cannot_be_deleted(world, admin_client):
    record = lock(make_record(world.placement))
    refused_in_admin(admin_client, world.placement)
    with pytest.raises(ProtectedError):
        world.placement.delete()
    with pytest.raises(ProtectedError):
        Placement.objects.filter(pk=world.placement.pk).delete()
    assert AssessmentRecord.objects.filter(pk=record.pk, status=AssessmentRecord.Status.SIGNED).exists()
    assert Placement.objects.filter(pk=world.placement.pk).exists()


def test_placement_with_confirmed_minutes_cannot_be_deleted(world):
    minutes = minutes_of(held_meeting(world), status=Minutes.Status.CONFIRMED)
    with pytest.raises(ProtectedError) as refused:
        world.placement.delete()
    assert refused.value.protected_objects == {minutes}
    with pytest.raises(ProtectedError):
        minutes.meeting.delete()
    assert Minutes.objects.filter(pk=minutes.pk).exists()


def test_placement_with_only_drafts_can_still_be_deleted(world, admin_client):
    placement = make_placement(school=world.school, company=world.company, learner=world.other_learner)
    make_record(placement)
    minutes_of(held_meeting(world, placement=placement), status=Minutes.Status.DRAFT)
    assert admin_client.get(url(placement, "delete")).status_code == 200
    assert admin_client.post(url(placement, "delete"), {"post": "yes"}).status_code == 302
    assert not Placement.objects.filter(pk=placement.pk).exists()


# --- Minutes --------------------------------------------------------------------------------------------


def test_confirmed_minutes_cannot_be_deleted_or_edited_in_the_admin(world, admin_client):
    minutes = minutes_of(held_meeting(world), status=Minutes.Status.CONFIRMED)
    refused_in_admin(admin_client, minutes)
    refused_in_admin(admin_client, minutes.meeting)
    response = admin_client.post(url(minutes, "change"), {"summary": "Something else", "status": "draft"})
    assert response.status_code == 403
    minutes.refresh_from_db()
    assert minutes.summary.startswith("Daan works carefully") and minutes.status == Minutes.Status.CONFIRMED
    # Nor can the confirmations be taken away one by one.
    confirmation = MinutesConfirmation.objects.create(minutes=minutes, participant=minutes.meeting.participants.first())
    refused_in_admin(admin_client, confirmation)
    with pytest.raises(ProtectedError, match="minutes everyone confirmed"), transaction.atomic():
        confirmation.delete()


def test_unconfirmed_minutes_can_still_be_deleted(world, admin_client):
    minutes = minutes_of(held_meeting(world), status=Minutes.Status.AWAITING)
    assert admin_client.post(url(minutes, "delete"), {"post": "yes"}).status_code == 302
    assert not Minutes.objects.filter(pk=minutes.pk).exists()
    assert Meeting.objects.filter(pk=minutes.meeting_id).exists()


# --- Certificates ---------------------------------------------------------------------------------------


def test_issued_certificate_cannot_be_deleted_or_edited_in_the_admin(world, admin_client):
    certificate = imported_certificate(world)
    refused_in_admin(admin_client, certificate)
    response = admin_client.post(
        url(certificate, "change"), {"holder_name": "Someone Else", "valid_until": "2099-12-31"}
    )
    assert response.status_code == 403
    certificate.refresh_from_db()
    assert certificate.holder_name == "Marieke de Vries" and certificate.valid_until < date(2099, 1, 1)
    with pytest.raises(ProtectedError, match="Revoke it with a reason"):
        certificate.delete()
    with pytest.raises(ProtectedError):
        Certificate.objects.filter(pk=certificate.pk).delete()


def test_erasing_a_holder_keeps_the_certificate_skeleton(world):
    holder = participant(world, email="holder@example.org")
    certificate = imported_certificate(world, holder=holder)
    certificate_erase(certificate=certificate, erased_by=world.supervisor, reason="GDPR request")
    certificate.refresh_from_db()
    assert (certificate.holder_name, certificate.holder_email, certificate.holder_id) == (ERASED, "", None)
    assert PersonalDataErasure.objects.filter(certificate_number=certificate.number).exists()
    # The account can go; the certificate (its number and validity) stays in the register.
    holder.delete()
    assert Certificate.objects.filter(pk=certificate.pk, number=certificate.number).exists()
