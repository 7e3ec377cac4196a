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
    membership, _created = Membership.objects.get_or_create(user=user, role=role, school=school, company=company)
    return membership
