"""The signing engine: the steps every document signed by several people shares.

Used by the assessment record (services.py here) and the placement agreement (assessments/agreements/).
A document ("the signed") has `status`, `submitted_at` and `locked_at`; its signatures are `SignerFields` rows.
The caller holds the document's row lock (`locked_row`) around each step, so the last two signatures
arriving together are decided one after the other, and decides what its own statuses and messages are.
"""

from datetime import UTC, datetime, timedelta

from django.db.models import Model, QuerySet
from django.utils import timezone

from core.outbox import enqueue

from ..models.records import SignerFields

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def locked_row[M: Model](model: type[M], pk: int) -> M:
    """The document's row, locked until the end of the transaction."""
    return model.objects.select_for_update().get(pk=pk)


def sent_marker(moment: datetime | None) -> str:
    """When a document was sent for signatures, in whole microseconds since the epoch: a signed link's version.

    Exact, unlike a float timestamp, and the same after a database round trip. Sending again sets a new
    moment, so a link from before a withdrawal stops working.
    """
    return "" if moment is None else str((moment - _EPOCH) // timedelta(microseconds=1))


def signers_ask(signatures: list[SignerFields], request_task) -> list[SignerFields]:
    """Save the new (unsigned) signatures and queue one e-mailed request each, in the caller's transaction."""
    for signature in signatures:
        signature.save()
        enqueue(request_task, signature.pk)
    return signatures


def signature_mark(signature: SignerFields, *, verdict: str, reason: str = "") -> None:
    """Record one signer's signature now."""
    signature.verdict, signature.reason, signature.signed_at = verdict, reason.strip(), timezone.now()
    signature.save(update_fields=["verdict", "reason", "signed_at"])


def everyone_signed(signatures: QuerySet) -> bool:
    return not signatures.filter(signed_at__isnull=True).exists()


def document_lock(document: Model, *, status: str, pdf_task) -> None:
    """Everyone has signed: the document is final and its PDF goes to the signers (through the outbox)."""
    document.status = status
    document.locked_at = timezone.now()
    document.save(update_fields=["status", "locked_at", "updated_at"])
    enqueue(pdf_task, document.pk)
