"""Finding invitations: by the token of a link (public), and those an organisation's managers may see."""

from django.db.models import QuerySet

from ..models import Company, Role, School, User
from ..selectors import roles_of
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


def managed_school_ids(user: User) -> frozenset[int] | None:
    """Schools whose people `user` manages (as coordinator); None means every school (staff)."""
    roles = roles_of(user)
    return None if roles.is_staff else roles.schools_as(Role.COORDINATOR)


def managed_company_ids(user: User) -> frozenset[int] | None:
    """Companies whose people `user` manages (as company admin); None means every company (staff)."""
    roles = roles_of(user)
    return None if roles.is_staff else roles.companies_as(Role.COMPANY_ADMIN)


def pending_invitations_of(*, school: School | None = None, company: Company | None = None) -> QuerySet[Invitation]:
    invitations = Invitation.objects.pending().select_related("invited_by").order_by("expires_at", "pk")
    if school is not None:
        return invitations.filter(school=school)
    return invitations.filter(company=company)
