"""Placement agreements for tests: drawn up, sent and signed through the services, like the app does."""

from datetime import date

from assessments.agreements.services import agreement_draw_up, agreement_sign, agreement_submit
from assessments.models import AgreementSignature, PlacementAgreement
from placements.models import LearnerRecord


def born(world, day: date, **guardian) -> LearnerRecord:
    """The world's learner gets a learner record with this date of birth (and a guardian, if given)."""
    return LearnerRecord.objects.create(
        user=world.learner, school=world.school, student_number="S100", date_of_birth=day, **guardian
    )


def drawn(world) -> PlacementAgreement:
    return agreement_draw_up(placement=world.placement, by=world.supervisor)


def sent(world) -> PlacementAgreement:
    agreement = drawn(world)
    agreement_submit(agreement=agreement, by=world.supervisor)
    agreement.refresh_from_db()
    return agreement


def party(agreement, role) -> AgreementSignature:
    return AgreementSignature.objects.get(agreement=agreement, role=role)


def signed(world) -> PlacementAgreement:
    agreement = sent(world)
    for signature in AgreementSignature.objects.filter(agreement=agreement):
        agreement_sign(signature=signature)
    agreement.refresh_from_db()
    return agreement
