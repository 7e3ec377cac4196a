"""Assessments on the dashboard: signatures someone owes (on records and placement agreements), and records they
drafted. One query per list."""

from accounts.models import User

from .agreements.selectors import agreement_signatures_waiting_for
from .models import AssessmentRecord, Signature

LIMIT = 10


def assessments_todo(user: User) -> dict:
    to_sign = list(
        Signature.objects.filter(user=user, signed_at__isnull=True, record__status=AssessmentRecord.Status.AWAITING)
        .select_related("record__subject")
        .order_by("requested_at", "pk")[:LIMIT]
    )
    drafts = list(
        AssessmentRecord.objects.filter(created_by=user, status=AssessmentRecord.Status.DRAFT)
        .select_related("subject")
        .order_by("-updated_at")[:LIMIT]
    )
    agreements_to_sign = list(agreement_signatures_waiting_for(user)[:LIMIT])
    return {
        "to_sign": to_sign,
        "agreements_to_sign": agreements_to_sign,
        "drafts": drafts,
        "any": bool(to_sign or agreements_to_sign or drafts),
    }
