"""Who someone is: the roles a user holds and at which organisations. Read once per request."""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from core.compiled_query import CompiledQuery

from .models import ACTIVE_MEMBERSHIPS_READ, Company, Membership, Role, School, User

_CACHE_ATTR = "_werkmentor_roles"
# Read on every signed-in request: compiled once (core/compiled_query.py).
# A role that ended (the person left that organisation) gives no access any more.
_ACTIVE_ROLES = CompiledQuery(
    lambda user_id: Membership.objects.filter(user_id=user_id, ended_at__isnull=True).values_list(
        "role", "school_id", "company_id"
    )
)


@dataclass(frozen=True)
class RoleSet:
    school_ids: dict[str, frozenset[int]] = field(default_factory=dict)
    company_ids: dict[str, frozenset[int]] = field(default_factory=dict)
    is_staff: bool = False

    def schools_as(self, role: Role) -> frozenset[int]:
        return self.school_ids.get(role, frozenset())

    def companies_as(self, role: Role) -> frozenset[int]:
        return self.company_ids.get(role, frozenset())

    def has(self, role: Role) -> bool:
        return bool(self.schools_as(role) or self.companies_as(role))

    @property
    def roles(self) -> list[Role]:
        """The person's roles in a fixed order, so pages list them the same way every time."""
        return [role for role in Role if self.has(role)]

    @property
    def school_staff_school_ids(self) -> frozenset[int]:
        """Schools where the person works as supervisor or coordinator."""
        return self.schools_as(Role.TEACHER) | self.schools_as(Role.COORDINATOR)


def roles_of(user: User) -> RoleSet:
    if not user.is_authenticated:
        return RoleSet()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    # Read with the person (User.objects.get(pk=...), as every request reads them), or now.
    memberships = getattr(user, ACTIVE_MEMBERSHIPS_READ, None)
    if memberships is None:
        memberships = _ACTIVE_ROLES.rows(user.pk)
    roleset = _roleset(memberships, is_staff=user.is_staff)
    setattr(user, _CACHE_ATTR, roleset)
    return roleset


def _roleset(memberships, *, is_staff: bool) -> RoleSet:
    """The RoleSet of (role, school_id, company_id) rows of active memberships."""
    schools: dict[str, set[int]] = {}
    companies: dict[str, set[int]] = {}
    for role, school_id, company_id in memberships:
        if school_id:
            schools.setdefault(role, set()).add(school_id)
        if company_id:
            companies.setdefault(role, set()).add(company_id)
    return RoleSet(
        school_ids={role: frozenset(ids) for role, ids in schools.items()},
        company_ids={role: frozenset(ids) for role, ids in companies.items()},
        is_staff=is_staff,
    )


_MEMBERSHIPS_LISTED = CompiledQuery(
    lambda user_id: (
        Membership.objects.filter(user_id=user_id).order_by("pk").values_list("role", "school__name", "company__name")
    )
)


def memberships_listed(user: User) -> list[tuple[str, str]]:
    """Every role the person holds or held, as (role, organisation name), for "My account"."""
    return [(Role(role).label, school or company) for role, school, company in _MEMBERSHIPS_LISTED.rows(user.pk)]


def act_only_as(user: User, role: Role, school_id: int) -> None:
    """From now on `user` holds only `role` at that school (an API token speaks for its school, whatever else its
    creator is): every selector built on roles_of() then scopes to that school alone."""
    setattr(user, _CACHE_ATTR, RoleSet(school_ids={role: frozenset({school_id})}))


def forget_roles(user: User) -> None:
    """Drop the cached roles, after memberships changed within the same request or test."""
    for attr in (_CACHE_ATTR, ACTIVE_MEMBERSHIPS_READ):
        if hasattr(user, attr):
            delattr(user, attr)


def people_with_role(role: Role, *, schools=None, companies=None) -> QuerySet[User]:
    memberships = Membership.objects.filter(role=role, ended_at__isnull=True)
    if schools is not None:
        memberships = memberships.filter(school__in=schools)
    if companies is not None:
        memberships = memberships.filter(company__in=companies)
    return User.objects.filter(is_active=True, memberships__in=memberships).distinct()


def schools_for(user: User) -> QuerySet[School]:
    roleset = roles_of(user)
    if roleset.is_staff:
        return School.objects.all()
    ids = set().union(*roleset.school_ids.values()) if roleset.school_ids else set()
    return School.objects.filter(pk__in=ids)


def companies_for(user: User) -> QuerySet[Company]:
    roleset = roles_of(user)
    if roleset.is_staff:
        return Company.objects.all()
    ids = set().union(*roleset.company_ids.values()) if roleset.company_ids else set()
    return Company.objects.filter(pk__in=ids)
