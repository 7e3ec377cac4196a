"""Reads of identity providers: the log-in page's buttons, and those a coordinator may configure."""

from django.db.models import QuerySet

from ..models import Role, User
from ..selectors import roles_of
from .models import IdentityProvider


def sign_in_providers(school=None) -> list[IdentityProvider]:
    """The enabled providers: every school's for the log-in page (it does not know the school yet), or one's."""
    providers = IdentityProvider.objects.filter(enabled=True).select_related("school").order_by("school__name", "name")
    return list(providers if school is None else providers.filter(school=school))


def configurable_school_ids(user: User) -> frozenset[int] | None:
    """Schools whose providers `user` may configure: their coordinator's; None means every school (staff)."""
    roles = roles_of(user)
    return None if roles.is_staff else roles.schools_as(Role.COORDINATOR)


def providers_for(user: User) -> QuerySet[IdentityProvider]:
    providers = IdentityProvider.objects.select_related("school").order_by("school__name", "name")
    schools = configurable_school_ids(user)
    return providers if schools is None else providers.filter(school_id__in=schools)
