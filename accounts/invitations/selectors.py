"""Finding invitations: by the token of a link (public), and the pending ones of an organisation."""

from django.db.models import QuerySet

from ..models import Company, School
from .models import Invitation
from .tokens import token_hash


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation whose current link carries `token`; None for a made-up, damaged or replaced link."""
    if not token or len(token) > 200:
        return None
    return (
        Invitation.objects.select_related("school", "company", "invited_by")
        .filter(token_hash=token_hash(token))
        .first()
    )


def pending_invitations_of(*, school: School | None = None, company: Company | None = None) -> QuerySet[Invitation]:
    invitations = Invitation.objects.pending().select_related("invited_by").order_by("expires_at", "pk")
    if school is not None:
        return invitations.filter(school=school)
    return invitations.filter(company=company)
