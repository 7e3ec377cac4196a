"""The placement agreement: drawn up from the placement, a snapshot that later edits leave alone, the parties
who sign (a guardian for a minor), the school's activation rule, addenda on change, and protection once signed."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from accounts.models import Role as Role_
from assessments.agreements.documents import agreement_html, render_agreement_pdf
from assessments.agreements.services import (
    AgreementConflict,
    agreement_settings_set,
    agreement_sign,
    agreement_submit,
    agreement_withdraw,
)
from assessments.agreements.tasks import send_agreement_pdf, send_agreement_signature_request
from assessments.models import AgreementSignature, PlacementAgreement
from placements.models import Placement
from placements.services import placement_change_status, placement_update
from tests.factories import CompanyFactory, grant
from tests.test_protected_records import refused_in_admin, url  # the admin checks of the other signed records

from .factories_agreements import born, drawn, party, sent, signed

Role = AgreementSignature.Role


def years_ago(years: int, days: int = 0) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) + timedelta(days=days)


def test_the_agreement_records_the_placement_as_it_is(world):
    world.programme.code = "25180"
    world.programme.save()
    agreement = drawn(world)
    values = agreement.snapshot
    assert values["learner_name"] == "Daan Jansen"
    assert values["company_name"] == "Bakkerij De Korenschoof"
    assert values["programme_code"] == "25180"
    assert values["mentor_email"] == "mentor@example.org"
    assert values["supervisor_email"] == "supervisor@example.org"
    assert values["start_date"] == world.placement.start_date.isoformat()
    assert values["total_hours"] == world.placement.hours_per_week * world.placement.total_weeks()
    assert agreement.status == PlacementAgreement.Status.DRAFT


def test_a_placement_has_one_agreement(world):
    drawn(world)
    with pytest.raises(AgreementConflict):
        drawn(world)


def test_an_adult_learner_company_and_school_sign(world):
    born(world, years_ago(19))
    agreement = sent(world)
    parties = dict(agreement.signatures.values_list("role", "email"))
    assert parties == {
        Role.LEARNER: "learner@example.org",
        Role.COMPANY: "mentor@example.org",
        Role.SCHOOL: "supervisor@example.org",
    }


def test_a_minor_needs_a_guardian_before_sending(world):
    born(world, years_ago(17))
    agreement = drawn(world)
    with pytest.raises(ValidationError, match="under 18"):
        agreement_submit(agreement=agreement, by=world.supervisor)
    agreement.refresh_from_db()
    assert (agreement.status, agreement.signatures.count()) == (PlacementAgreement.Status.DRAFT, 0)


def test_a_minors_guardian_from_the_learner_record_signs_too(world):
    born(world, years_ago(18, days=1), guardian_name="Els Jansen", guardian_email="els@example.org")
    agreement = sent(world)
    guardian = party(agreement, Role.GUARDIAN)
    assert (guardian.name, guardian.email, guardian.user) == ("Els Jansen", "els@example.org", None)
    assert agreement.signatures.count() == 4


def test_the_agreement_locks_after_the_last_signature_and_mails_the_pdf(world, django_capture_on_commit_callbacks):
    agreement = sent(world)
    for role in (Role.LEARNER, Role.COMPANY):
        agreement_sign(signature=party(agreement, role))
    agreement.refresh_from_db()
    assert agreement.status == PlacementAgreement.Status.AWAITING
    agreement_sign(signature=party(agreement, Role.SCHOOL))
    agreement.refresh_from_db()
    assert agreement.status == PlacementAgreement.Status.SIGNED and agreement.locked_at
    with pytest.raises(AgreementConflict):
        agreement_sign(signature=party(agreement, Role.SCHOOL))
    send_agreement_pdf(agreement.pk)
    send_agreement_pdf(agreement.pk)  # once only
    assert sorted(m.to[0] for m in mail.outbox) == sorted(agreement.signatures.values_list("email", flat=True))
    assert mail.outbox[0].attachments[0][1].startswith(b"%PDF")


def test_the_request_mail_has_a_signed_link(world):
    agreement = sent(world)
    send_agreement_signature_request(party(agreement, Role.LEARNER).pk)
    assert len(mail.outbox) == 1
    assert "/placement-agreements/sign/" in mail.outbox[0].body
    assert "Daan Jansen" in mail.outbox[0].subject


def test_a_signed_agreement_keeps_its_values_when_the_placement_changes(world):
    agreement = signed(world)
    before = dict(agreement.snapshot)
    new_company = CompanyFactory(name="Bakkerij Van Dam")
    new_mentor = grant(world.colleague_mentor, Role_.MENTOR, new_company)
    placement_update(
        placement=world.placement,
        data={"company": new_company, "mentor": new_mentor, "end_date": world.placement.end_date + timedelta(days=30)},
    )
    agreement.refresh_from_db()
    assert agreement.snapshot == before
    assert "Bakkerij De Korenschoof" in agreement_html(agreement, language="en")
    addendum = PlacementAgreement.objects.get(placement=world.placement, kind=PlacementAgreement.Kind.ADDENDUM)
    assert (addendum.number, addendum.amends, addendum.status) == (1, agreement, PlacementAgreement.Status.DRAFT)
    assert addendum.snapshot["company_name"] == "Bakkerij Van Dam"
    assert {"company_name", "end_date"} <= set(addendum.changes)
    assert "Changed by this addendum" in agreement_html(addendum, language="en")


def test_an_addendum_has_its_own_signing_round(world):
    agreement = signed(world)
    placement_update(placement=world.placement, data={"start_date": world.placement.start_date + timedelta(days=7)})
    addendum = agreement.addenda.get()
    agreement_submit(agreement=addendum, by=world.coordinator)
    assert addendum.signatures.count() == 3
    for signature in list(addendum.signatures.all()):
        agreement_sign(signature=signature)
    addendum.refresh_from_db()
    assert addendum.status == PlacementAgreement.Status.SIGNED
    assert render_agreement_pdf(addendum, language="nl").startswith(b"%PDF")


def test_other_edits_after_signing_make_no_addendum(world):
    agreement = signed(world)
    placement_update(placement=world.placement, data={"hours_per_week": 20})
    assert not agreement.addenda.exists()


def test_a_draft_follows_the_placement_and_a_sent_one_goes_back_to_draft(world):
    agreement = sent(world)
    placement_update(placement=world.placement, data={"hours_per_week": 20})
    agreement.refresh_from_db()
    assert (agreement.status, agreement.snapshot["hours_per_week"]) == (PlacementAgreement.Status.DRAFT, 20)
    assert not agreement.signatures.exists()


def test_a_signed_agreement_cannot_be_withdrawn_or_deleted(world):
    agreement = signed(world)
    with pytest.raises(AgreementConflict):
        agreement_withdraw(agreement=agreement, by=world.supervisor)
    for destroy in (
        agreement.delete,
        PlacementAgreement.objects.filter(pk=agreement.pk).delete,
        agreement.signatures.all().first().delete,
        Placement.objects.filter(pk=world.placement.pk).delete,
    ):
        with pytest.raises(ProtectedError), transaction.atomic():
            destroy()
    assert PlacementAgreement.objects.filter(pk=agreement.pk).exists()


def test_an_unsigned_draft_may_be_deleted(world):
    agreement = drawn(world)
    agreement.delete()
    assert not PlacementAgreement.objects.exists()


@pytest.fixture
def planned(world):
    world.placement.status = Placement.Status.PLANNED
    world.placement.save()
    return world.placement


def test_activation_is_refused_without_a_signed_agreement_when_the_school_requires_it(world, planned):
    agreement_settings_set(school=world.school, required_before_start=True)
    sent(world)
    with pytest.raises(ValidationError, match="requires a placement agreement signed"):
        placement_change_status(placement=planned, status=Placement.Status.ACTIVE)
    planned.refresh_from_db()
    assert planned.status == Placement.Status.PLANNED


def test_activation_goes_ahead_once_signed(world, planned):
    agreement_settings_set(school=world.school, required_before_start=True)
    signed(world)
    placement_change_status(placement=planned, status=Placement.Status.ACTIVE)
    assert planned.status == Placement.Status.ACTIVE


def test_without_the_setting_a_placement_starts_without_agreement(world, planned):
    placement_change_status(placement=planned, status=Placement.Status.ACTIVE)
    assert planned.status == Placement.Status.ACTIVE


def test_a_signed_agreement_is_refused_in_the_admin(world, client):
    agreement = signed(world)
    client.force_login(world.staff)
    world.staff.is_superuser = True
    world.staff.save()
    refused_in_admin(client, agreement)
    assert client.get(url(agreement, "change")).status_code == 200
