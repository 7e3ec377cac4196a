"""The sign-off panel of an assessment record: who signed what and when, who is pending, and what you may do."""

from django import template

from ..models import AssessmentRecord, Signature
from ..signatures.selectors import can_manage_signatures, signature_of, signatures_of

register = template.Library()


@register.inclusion_tag("assessments/signatures/_panel.html", takes_context=True)
def signature_panel(context, record):
    user = context["request"].user
    mine = signature_of(user, record)
    assessor = can_manage_signatures(user, record)
    awaiting = record.status == AssessmentRecord.Status.AWAITING
    can_sign = awaiting and mine is not None and mine.signed_at is None
    return {
        "record": record,
        "signatures": signatures_of(record),
        "mine": mine,
        "can_sign": can_sign,
        # The person assessed chooses a verdict and may respond, on the sign page; an assessor only agrees.
        "sign_here": can_sign and mine.role == Signature.Role.ASSESSOR,
        "can_submit": assessor and record.status == AssessmentRecord.Status.DRAFT,
        "can_withdraw": assessor and awaiting,
    }
