"""Reads of identity providers: the log-in page's buttons, and those a coordinator may configure."""

from django.db.models import QuerySet

from ..lookups import SCHOOLS
from ..models import Role, School, User
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


def configurable_schools(user: User, text: str = "") -> QuerySet[School]:
    """The schools whose sign-in `user` configures (staff: every school), by name; those whose name or short name
    holds every word of `text`, accent-blind, as the look-ups search schools."""
    ids = configurable_school_ids(user)
    schools = School.objects.all() if ids is None else School.objects.filter(pk__in=ids)
    return SCHOOLS.search(schools, text) if text else schools.order_by("name", "pk")


def providers_for(user: User) -> QuerySet[IdentityProvider]:
    providers = IdentityProvider.objects.select_related("school").order_by("school__name", "name")
    schools = configurable_school_ids(user)
    return providers if schools is None else providers.filter(school_id__in=schools)
