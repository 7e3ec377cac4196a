from django.db import transaction

from .models import Membership, Role, User


def account_update(*, user: User, data: dict) -> User:
    for field in ("first_name", "last_name", "phone", "language", "notification_level"):
        if field in data:
            setattr(user, field, data[field])
    user.save(update_fields=["first_name", "last_name", "phone", "language", "notification_level"])
    return user


@transaction.atomic
def membership_grant(*, user: User, role: Role, school=None, company=None) -> Membership:
    """Give `user` the role; a role they held before and that ended is given back, and an account closed
    because its last role ended opens again."""
    membership, _created = Membership.objects.get_or_create(user=user, role=role, school=school, company=company)
    if membership.ended_at is not None:
        membership.ended_at = None
        membership.save(update_fields=["ended_at"])
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return membership
