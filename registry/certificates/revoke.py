"""Revoking a certificate (it stays, marked revoked) and erasing a holder's personal data (audited)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.outbox import enqueue

from ..models import Certificate, PersonalDataErasure
from .selectors import ERASED
from .tasks import send_revocation_notice

# The change reason of the certificate's history row that records an erasure (home/history/ names it).
ERASURE_REASON = "erasure"


def _locked(certificate: Certificate) -> Certificate:
    return Certificate.objects.select_for_update().get(pk=certificate.pk)


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, revoked_by: User, reason: str, notify_holder: bool) -> Certificate:
    """Mark the certificate revoked with a reason; the row, its number and its history remain."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the certificate is revoked.")})
    locked = _locked(certificate)
    if locked.revoked_at is not None:
        raise ValidationError(_("This certificate was already revoked."))
    locked.revoked_at = timezone.now()
    locked.revoked_by = revoked_by
    locked.revocation_reason = reason
    locked.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    if notify_holder and locked.holder_email:
        enqueue(send_revocation_notice, locked.pk, key=f"certificate-revoked:{locked.pk}")
    return locked


@transaction.atomic
def certificate_erase(*, certificate: Certificate, erased_by: User, reason: str) -> PersonalDataErasure:
    """Remove the holder's name and e-mail address; the number stays, and the erasure is written down."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the personal data is removed.")})
    locked = _locked(certificate)
    if locked.holder_name == ERASED and not locked.holder_email and locked.holder_id is None:
        raise ValidationError(_("The personal data of this certificate has already been removed."))
    locked.holder_name = ERASED
    locked.holder_email = ""
    locked.holder = None
    locked._change_reason = ERASURE_REASON
    locked.save(update_fields=["holder_name", "holder_email", "holder"])
    # The audit history keeps every earlier state of the certificate: the name and the address go from there
    # too, or the erasure would erase nothing.
    Certificate.history.filter(id=locked.pk).update(holder_name=ERASED, holder_email="", holder=None)
    return PersonalDataErasure.objects.create(
        certificate_number=locked.number, school_id=locked.school_id, erased_by=erased_by, reason=reason
    )
