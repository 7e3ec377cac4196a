"""Reads: someone's authenticator and recovery codes, whether two-factor is required of them, and which schools'
security settings they may change."""

from django.conf import settings
from django.db.models import QuerySet
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.compiled_query import CompiledQuery

from ..models import Membership, Role, School, User
from ..selectors import roles_of


def authenticator_of(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def recovery_codes_of(user: User) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def recovery_codes_left(user: User) -> int:
    device = recovery_codes_of(user)
    return device.token_set.count() if device else 0


# Asked on every signed-in request by the two-factor middleware: compiled once (core/compiled_query.py).
_CONFIRMED_AUTHENTICATOR = CompiledQuery(
    lambda user_id: TOTPDevice.objects.filter(user_id=user_id, confirmed=True).values_list("pk")[:1]
)


def has_two_factor(user: User) -> bool:
    """A confirmed authenticator: recovery codes alone do not count (they come with one and go with it)."""
    return bool(_CONFIRMED_AUTHENTICATOR.rows(user.pk))


def two_factor_required(user: User) -> bool:
    """Staff, when the site requires it; a coordinator of a school that requires it."""
    if user.is_staff and settings.TWO_FACTOR_REQUIRED_FOR_STAFF:
        return True
    return Membership.objects.filter(
        user=user, role=Role.COORDINATOR, school__require_two_factor_for_staff=True
    ).exists()


def security_schools(user: User) -> QuerySet[School]:
    """The schools whose security settings the person changes: staff all, a coordinator their own."""
    if user.is_staff:
        return School.objects.all()
    return School.objects.filter(pk__in=roles_of(user).schools_as(Role.COORDINATOR))


def may_reset_two_factor(user: User, person: User) -> bool:
    """May `user` reset `person`'s authenticator? Staff anyone's but their own; a coordinator that of someone with a
    role at a school they coordinate, unless that person is staff. Their own goes through their own security page."""
    if person.pk == user.pk:
        return False
    roles = roles_of(user)
    if roles.is_staff:
        return True
    schools = roles.schools_as(Role.COORDINATOR)
    if not schools or person.is_staff:
        return False
    return Membership.objects.filter(user=person, school_id__in=sorted(schools)).exists()


def last_two_factor_reset(person: User):
    return person.two_factor_resets.select_related("reset_by").first()
