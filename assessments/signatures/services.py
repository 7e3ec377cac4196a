"""Sign-off of an assessment record: send it for signatures, withdraw it, sign it, lock it.

Lifecycle: draft -> awaiting (sent; its content is fixed) -> signed (locked after the last signature).
While awaiting, an assessor may withdraw the record back to draft; all signatures go, signed or not, because
nobody's signature may stand on content that is about to change. A signed record never changes: a correction
is an amendment (a new version).

Every write locks the record's row first, so the last two signatures arriving together, or a signature
racing a withdrawal, are decided one after the other.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from ..documents.tasks import send_record_pdf
from ..models import AssessmentRecord, Signature
from . import engine
from .selectors import assessors_to_sign, missing_levels
from .tasks import send_signature_request


class SignOffConflict(ValidationError):
    """The record's state does not allow this step (any more); nothing was changed."""


def _locked_record(pk: int) -> AssessmentRecord:
    return engine.locked_row(AssessmentRecord, pk)


def _signer(record: AssessmentRecord, role: str, user: User) -> Signature:
    return Signature(record=record, role=role, user=user, name=user.get_full_name() or user.email, email=user.email)


@transaction.atomic
def record_submit(*, record: AssessmentRecord, by: User) -> list[Signature]:
    """Send a complete draft for signatures: the assessors and the person assessed are each asked to sign."""
    locked = _locked_record(record.pk)
    if locked.status != AssessmentRecord.Status.DRAFT:
        raise SignOffConflict(_("Only a draft can be sent for signatures; this assessment was sent already."))
    missing = missing_levels(locked)
    if missing:
        raise ValidationError(
            _("Before sending the assessment for signatures, give a level for: %(missing)s.")
            % {"missing": "; ".join(missing)}
        )
    assessors = assessors_to_sign(locked)
    if not assessors:
        raise ValidationError(_("This assessment has no assessor other than the person assessed."))
    locked.status = AssessmentRecord.Status.AWAITING
    locked.submitted_at = timezone.now()
    locked.save(update_fields=["status", "submitted_at", "updated_at"])
    record.status, record.submitted_at = locked.status, locked.submitted_at
    signatures = [_signer(locked, Signature.Role.ASSESSOR, user) for user in assessors]
    signatures.append(_signer(locked, Signature.Role.SUBJECT, locked.subject))
    return engine.signers_ask(signatures, send_signature_request)


@transaction.atomic
def record_withdraw(*, record: AssessmentRecord, by: User) -> AssessmentRecord:
    """Take a record waiting for signatures back to draft; every signature given so far is dropped."""
    locked = _locked_record(record.pk)
    if locked.status != AssessmentRecord.Status.AWAITING:
        raise SignOffConflict(
            _("Only an assessment waiting for signatures can be withdrawn.")
            if locked.status == AssessmentRecord.Status.DRAFT
            else _("This assessment is signed and locked; correct it with an amendment.")
        )
    Signature.objects.filter(record=locked).delete()
    locked.status = AssessmentRecord.Status.DRAFT
    locked.submitted_at = None
    locked.save(update_fields=["status", "submitted_at", "updated_at"])
    record.status, record.submitted_at = locked.status, locked.submitted_at
    return record


@transaction.atomic
def signature_sign(*, signature: Signature, verdict: str, reason: str = "", response: str = "") -> AssessmentRecord:
    """Sign as `signature`'s signer; the last signature locks the record. Returns the record as it is now.

    Only the person assessed may sign "seen, disagree", and then says why; their response is kept on the record.
    """
    record = _locked_record(signature.record_id)
    # Read again under the record's lock: a second click, or a withdrawal that deleted it, has been decided.
    current = Signature.objects.filter(pk=signature.pk).first()
    if current is None or record.status == AssessmentRecord.Status.DRAFT:
        raise SignOffConflict(_("This assessment was withdrawn to be corrected; you will be asked to sign again."))
    if current.signed_at is not None:
        raise SignOffConflict(_("You have already signed this assessment."))
    if record.status != AssessmentRecord.Status.AWAITING:
        raise SignOffConflict(_("This assessment is not waiting for signatures."))
    if verdict not in Signature.Verdict.values:
        raise ValidationError({"verdict": _("Choose whether you agree.")})
    if verdict == Signature.Verdict.DISAGREE and current.role != Signature.Role.SUBJECT:
        raise ValidationError({"verdict": _("Only the person assessed can sign that they disagree.")})
    if verdict == Signature.Verdict.DISAGREE and not reason.strip():
        raise ValidationError({"reason": _("Say why you disagree.")})
    engine.signature_mark(current, verdict=verdict, reason=reason)
    if current.role == Signature.Role.SUBJECT and response.strip():
        record.learner_response = response.strip()
        record.save(update_fields=["learner_response", "updated_at"])
    if engine.everyone_signed(Signature.objects.filter(record=record)):
        # Everyone has signed: the record is final (inside the signing transaction, the record row locked).
        engine.document_lock(record, status=AssessmentRecord.Status.SIGNED, pdf_task=send_record_pdf)
    signature.refresh_from_db()
    return record
