"""The coordinators' log of access and erasure requests: who may open it, and what fulfilling does."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from assessments.models import AssessmentRecord
from placements.models import Placement
from privacy.anonymise import REMOVED
from privacy.models import PrivacyRequest
from registry.models import Certificate, PersonalDataErasure
from tests.assessments.factories_assessments import lock, make_record
from tests.registry.factories_certificates import imported_certificate


def log_request(world, kind, person, school=None):
    return PrivacyRequest.objects.create(
        school=school or world.school, kind=kind, person=person, received_on=timezone.localdate(),
        recorded_by=world.coordinator,
    )  # fmt: skip


def end_placement(placement):
    placement.status = Placement.Status.COMPLETED
    placement.save(update_fields=["status"])


@pytest.mark.parametrize(
    ("who", "status"), [("coordinator", 200), ("mentor", 403), ("learner", 403), ("supervisor", 403)]
)
def test_only_coordinators_open_the_log(client, world, who, status):
    client.force_login(getattr(world, who))
    assert client.get(reverse("privacy_requests")).status_code == status
    assert client.get(reverse("privacy_retention")).status_code == status


@pytest.mark.parametrize("who", ["other_coordinator", "supervisor", "mentor", "learner"])
def test_a_request_of_the_school_is_404_for_everyone_but_its_coordinators(client, world, who):
    item = log_request(world, PrivacyRequest.Kind.ERASURE, world.learner)
    client.force_login(getattr(world, who))
    assert client.get(reverse("privacy_request", args=[item.pk])).status_code == 404
    assert client.post(reverse("privacy_request_fulfil", args=[item.pk])).status_code == 404
    item.refresh_from_db()
    assert item.is_open and User.objects.get(pk=world.learner.pk).first_name == "Daan"


def test_the_log_lists_the_schools_requests_in_few_queries(client, world, django_assert_max_num_queries):
    for person in (world.learner, world.mentor, world.other_learner):
        log_request(world, PrivacyRequest.Kind.ACCESS, person)
    log_request(world, PrivacyRequest.Kind.ACCESS, world.outsider, school=world.other_school)
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("privacy_requests"))
    assert len(page.context["requests"]) == 3


def test_a_coordinator_records_a_request_for_someone_the_school_holds_data_of(client, world):
    client.force_login(world.coordinator)
    today = timezone.localdate().isoformat()
    data = {"kind": "erasure", "email": "MENTOR@example.org", "received_on": today, "notes": "By letter"}
    assert client.post(reverse("privacy_requests"), data).status_code == 302
    item = PrivacyRequest.objects.get()
    assert (item.person, item.school, item.kind, item.status) == (world.mentor, world.school, "erasure", "received")
    # Someone the school holds nothing of (another school's learner) is a form error, not a request.
    refused = client.post(reverse("privacy_requests"), {**data, "email": world.outsider.email})
    assert refused.status_code == 400 and "holds no data" in refused.text
    # A holder of one of the school's certificates is someone the school holds data of, placement or not.
    imported_certificate(world, holder=world.other_mentor)
    assert client.post(reverse("privacy_requests"), {**data, "email": world.other_mentor.email}).status_code == 302
    future = (timezone.localdate() + timedelta(days=2)).isoformat()
    assert client.post(reverse("privacy_requests"), {**data, "received_on": future}).status_code == 400


def test_fulfilling_an_access_request_hands_over_the_persons_zip_and_logs_it(client, cast, fast_pdfs):
    world = cast.world
    item = log_request(world, PrivacyRequest.Kind.ACCESS, world.learner)
    client.force_login(world.coordinator)
    response = client.post(reverse("privacy_request_fulfil", args=[item.pk]))
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert json.loads(archive.read("profile.json"))["email"] == world.learner.email
        assert "OTHER-MENTOR-SESSION" not in archive.read("sessions.json").decode()
    item.refresh_from_db()
    assert (item.status, item.handled_by) == (PrivacyRequest.Status.FULFILLED, world.coordinator)
    # Handled once: a second click is refused, not a second export.
    assert client.post(reverse("privacy_request_fulfil", args=[item.pk])).status_code == 400


def test_erasure_is_refused_while_the_placement_runs(client, cast):
    world = cast.world
    item = log_request(world, PrivacyRequest.Kind.ERASURE, world.learner)
    client.force_login(world.coordinator)
    client.post(reverse("privacy_request_fulfil", args=[item.pk]))
    item.refresh_from_db()
    assert item.status == PrivacyRequest.Status.REFUSED and "not ended" in item.outcome
    assert User.objects.get(pk=world.learner.pk).first_name == "Daan"


def test_erasure_anonymises_the_learner_and_keeps_the_signed_assessment(client, cast):
    world = cast.world
    record = make_record(world.placement, rate=False, title="Final assessment", overall_remarks="Bakes well")
    lock(record)
    end_placement(world.placement)
    item = log_request(world, PrivacyRequest.Kind.ERASURE, world.learner)
    client.force_login(world.coordinator)
    assert client.post(reverse("privacy_request_fulfil", args=[item.pk])).status_code == 302
    item.refresh_from_db()
    assert item.status == PrivacyRequest.Status.PARTLY
    assert "1 signed assessment record(s)" in item.outcome
    learner = User.objects.get(pk=world.learner.pk)
    assert (learner.first_name, learner.last_name, learner.is_active) == (REMOVED, "", False)
    assert "example.org" not in learner.email and not learner.has_usable_password()
    membership = learner.memberships.get()
    assert membership.ended_at is not None and membership.history.filter(ended_at__isnull=False).exists()
    assert learner.learner_record.guardian_name == "" and learner.learner_record.date_of_birth is None
    cast.session.refresh_from_db()
    assert cast.session.learner_reflection == "" and cast.session.activities == REMOVED
    # The signed record is as it was signed; the placement and its session stay for the counts.
    record.refresh_from_db()
    assert (record.status, record.overall_remarks) == (AssessmentRecord.Status.SIGNED, "Bakes well")
    assert world.placement.coaching_sessions.count() == 1
    # The other learner's session is untouched.
    assert cast.other_placement.coaching_sessions.get().activities == "OTHER-MENTOR-SESSION"


def test_erasing_a_mentor_uses_the_registers_erasure_and_never_revokes(client, cast):
    world = cast.world
    item = log_request(world, PrivacyRequest.Kind.ERASURE, world.mentor)
    client.force_login(world.coordinator)
    client.post(reverse("privacy_request_fulfil", args=[item.pk]))
    certificate = Certificate.objects.get(pk=cast.certificate.pk)
    assert (certificate.holder_name, certificate.holder_email, certificate.holder) == (REMOVED, "", None)
    assert certificate.revoked_at is None and certificate.state() == "valid"
    assert PersonalDataErasure.objects.get().certificate_number == certificate.number
    # The colleague's certificate is untouched.
    assert Certificate.objects.get(pk=cast.colleague_certificate.pk).holder == world.colleague_mentor


def test_a_refusal_needs_a_reason(client, world):
    item = log_request(world, PrivacyRequest.Kind.ERASURE, world.learner)
    client.force_login(world.coordinator)
    url = reverse("privacy_request_refuse", args=[item.pk])
    assert client.post(url, {"reason": " "}).status_code == 400
    assert client.post(url, {"reason": "The learner withdrew the request."}).status_code == 302
    item.refresh_from_db()
    assert (item.status, item.outcome) == (PrivacyRequest.Status.REFUSED, "The learner withdrew the request.")
