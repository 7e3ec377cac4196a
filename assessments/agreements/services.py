"""Writes of placement agreements: draw up, set the guardian, send for signatures, withdraw, sign; addenda.

Lifecycle: draft (follows the placement) -> awaiting (sent; its content is fixed) -> signed (locked after the
last signature). Parties: the learner, a parent or guardian when the learner is a minor, the host company (the
placement's work mentor) and the school (the placement's supervisor). A change of period or company after
signing makes an addendum with its own signatures; the signed agreement is never edited.

Signing runs through the assessment record's engine (assessments/signatures/engine.py); every write locks the
agreement's row first.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from placements.models import Placement

from ..models import AgreementSettings, AgreementSignature, PlacementAgreement
from ..signatures import engine
from .selectors import has_signed_agreement, is_minor, learner_record
from .snapshot import changed_keys, needs_addendum, placement_snapshot
from .tasks import send_agreement_pdf, send_agreement_signature_request

Status = PlacementAgreement.Status


class AgreementConflict(ValidationError):
    """The agreement's state does not allow this step (any more); nothing was changed."""


def _locked(pk: int) -> PlacementAgreement:
    return engine.locked_row(PlacementAgreement, pk)


@transaction.atomic
def agreement_draw_up(*, placement: Placement, by: User) -> PlacementAgreement:
    """The placement's agreement as a draft, with the guardian the school registered for the learner."""
    Placement.objects.select_for_update().filter(pk=placement.pk).first()
    if placement.agreements.exists():
        raise AgreementConflict(_("This placement already has a placement agreement."))
    record = learner_record(placement)
    return PlacementAgreement.objects.create(
        placement=placement,
        snapshot=placement_snapshot(placement),
        guardian_name=record.guardian_name if record else "",
        guardian_email=record.guardian_email if record else "",
        created_by=by,
    )


@transaction.atomic
def agreement_guardian_set(*, agreement: PlacementAgreement, name: str, email: str) -> PlacementAgreement:
    locked = _locked(agreement.pk)
    if locked.status != Status.DRAFT:
        raise AgreementConflict(_("Only a draft agreement can be changed; withdraw it first."))
    locked.guardian_name, locked.guardian_email = name.strip(), email.strip()
    locked.save(update_fields=["guardian_name", "guardian_email", "updated_at"])
    return locked


def _party(agreement: PlacementAgreement, role: str, user: User | None = None, name="", email="") -> AgreementSignature:
    if user is not None:
        name, email = user.get_full_name() or user.email, user.email
    return AgreementSignature(agreement=agreement, role=role, user=user, name=name, email=email)


@transaction.atomic
def agreement_submit(*, agreement: PlacementAgreement, by: User) -> list[AgreementSignature]:
    """Send a draft for signatures: learner, guardian (for a minor), company and school are each asked."""
    locked = _locked(agreement.pk)
    if locked.status != Status.DRAFT:
        raise AgreementConflict(_("Only a draft can be sent for signatures; this agreement was sent already."))
    placement = locked.placement
    locked.snapshot = placement_snapshot(placement)  # the content everyone signs is the placement as it is now
    today = timezone.localdate()
    minor = is_minor(locked, today)
    if minor and not (locked.guardian_name and locked.guardian_email):
        raise ValidationError(
            _("The learner is under 18: enter the name and e-mail address of a parent or guardian, who signs too.")
        )
    locked.status, locked.submitted_at = Status.AWAITING, timezone.now()
    locked.save(update_fields=["snapshot", "status", "submitted_at", "updated_at"])
    Role = AgreementSignature.Role
    parties = [_party(locked, Role.LEARNER, placement.learner)]
    if minor:
        parties.append(_party(locked, Role.GUARDIAN, name=locked.guardian_name, email=locked.guardian_email))
    parties += [_party(locked, Role.COMPANY, placement.mentor), _party(locked, Role.SCHOOL, placement.supervisor)]
    agreement.status, agreement.submitted_at, agreement.snapshot = locked.status, locked.submitted_at, locked.snapshot
    return engine.signers_ask(parties, send_agreement_signature_request)


def _back_to_draft(locked: PlacementAgreement) -> None:
    AgreementSignature.objects.filter(agreement=locked).delete()
    locked.status, locked.submitted_at = Status.DRAFT, None
    _follow(locked, placement_snapshot(locked.placement))
    locked.save(update_fields=["status", "submitted_at", "snapshot", "changes", "updated_at"])


def _follow(draft: PlacementAgreement, now: dict) -> None:
    """A draft shows the placement as it is now; an addendum also what changed since the agreement it amends."""
    draft.snapshot = now
    draft.changes = changed_keys(draft.amends.snapshot, now) if draft.amends_id else []


@transaction.atomic
def agreement_withdraw(*, agreement: PlacementAgreement, by: User) -> PlacementAgreement:
    """Take an agreement waiting for signatures back to draft; every signature given so far is dropped."""
    locked = _locked(agreement.pk)
    if locked.status != Status.AWAITING:
        raise AgreementConflict(
            _("This agreement is signed; a change needs an addendum.")
            if locked.is_locked
            else _("Only an agreement waiting for signatures can be withdrawn.")
        )
    _back_to_draft(locked)
    return locked


@transaction.atomic
def agreement_sign(*, signature: AgreementSignature) -> PlacementAgreement:
    """Sign as `signature`'s party; the last signature locks the agreement. Returns the agreement as it is now."""
    agreement = _locked(signature.agreement_id)
    current = AgreementSignature.objects.filter(pk=signature.pk).first()
    if current is None or agreement.status == Status.DRAFT:
        raise AgreementConflict(_("This agreement was withdrawn to be corrected; you will be asked to sign again."))
    if current.signed_at is not None:
        raise AgreementConflict(_("You have already signed this agreement."))
    if agreement.status != Status.AWAITING:
        raise AgreementConflict(_("This agreement is not waiting for signatures."))
    engine.signature_mark(current, verdict=AgreementSignature.Verdict.AGREE)
    if engine.everyone_signed(AgreementSignature.objects.filter(agreement=agreement)):
        engine.document_lock(agreement, status=Status.SIGNED, pdf_task=send_agreement_pdf)
    signature.refresh_from_db()
    return agreement


# --- Rules registered with placements (AssessmentsConfig.ready) ------------------------------------------


def activation_refusal(placement: Placement) -> str | None:
    """Why the placement may not become active: its school requires a fully signed agreement it lacks."""
    if has_signed_agreement(placement) or not AgreementSettings.objects.filter(
        school_id=placement.school_id, required_before_start=True
    ):
        return None
    return _(
        "This placement cannot become active yet: %(school)s requires a placement agreement signed by the "
        "learner, the host company and the school before a placement starts."
    ) % {"school": placement.school.name}


def placement_changed(placement: Placement) -> None:
    """A placement was edited: open drafts follow it, a signed agreement gets an addendum for period or company.

    An agreement waiting for signatures goes back to draft (no signature may stand on changed content).
    """
    agreements = list(PlacementAgreement.objects.select_for_update().filter(placement=placement).order_by("number"))
    if not agreements:
        return
    now = placement_snapshot(placement)
    for agreement in agreements:
        if agreement.status == Status.AWAITING and agreement.snapshot != now:
            _back_to_draft(agreement)
        elif agreement.status == Status.DRAFT and agreement.snapshot != now:
            _follow(agreement, now)
            agreement.save(update_fields=["snapshot", "changes", "updated_at"])
    signed = [a for a in agreements if a.status == Status.SIGNED]
    open_ones = [a for a in agreements if a.status != Status.SIGNED]
    if signed and not open_ones and needs_addendum(signed[-1].snapshot, now):
        _addendum_add(signed[-1], now)


def _addendum_add(amends: PlacementAgreement, now: dict) -> PlacementAgreement:
    return PlacementAgreement.objects.create(
        placement_id=amends.placement_id,
        kind=PlacementAgreement.Kind.ADDENDUM,
        amends=amends,
        number=amends.number + 1,
        snapshot=now,
        changes=changed_keys(amends.snapshot, now),
        guardian_name=amends.guardian_name,
        guardian_email=amends.guardian_email,
        created_by_id=amends.created_by_id,
    )


@transaction.atomic
def agreement_settings_set(*, school, required_before_start: bool) -> AgreementSettings:
    row, _created = AgreementSettings.objects.get_or_create(school=school)
    row.required_before_start = required_before_start
    row.save()
    return row
