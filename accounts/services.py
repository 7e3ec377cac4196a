from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Membership, Role, User
from .selectors import forget_roles


def account_update(*, user: User, data: dict) -> User:
    for field in ("first_name", "last_name", "phone", "language", "notification_level"):
        if field in data:
            setattr(user, field, data[field])
    user.save(update_fields=["first_name", "last_name", "phone", "language", "notification_level"])
    return user


def account_closed_by_staff(user: User) -> bool:
    return user.closed_by_staff and not user.is_active


def refuse_closed_account(user: User) -> None:
    """A role may not open an account that staff closed: the coordinator is told to ask them."""
    if account_closed_by_staff(user):
        raise ValidationError(
            _("The account of %(email)s was closed by the site staff; ask them to open it again.")
            % {"email": user.email},
            code="account_closed",
        )


@transaction.atomic
def membership_grant(*, user: User, role: Role, school=None, company=None) -> Membership:
    """Give `user` the role; a role they held before and that ended is given back, and an account closed
    because its last role ended opens again. An account closed by staff is refused (ValidationError)."""
    refuse_closed_account(user)
    membership, _created = Membership.objects.get_or_create(user=user, role=role, school=school, company=company)
    if membership.ended_at is not None:
        membership.ended_at = None
        membership.save(update_fields=["ended_at"])
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    # The roles read with the person (User.objects.get(pk=...) reads them) no longer hold.
    forget_roles(user)
    return membership
