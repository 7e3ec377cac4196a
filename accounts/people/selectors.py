"""Whose people someone manages, and the people of an organisation: the access rules of the people pages.

A coordinator manages their school's supervisors and coordinators (learners are shown, managed under
placements); a company admin their company's work mentors and admins; staff every school and company. Someone
who belongs to the organisation in another role gets a 403 with the reason; anyone else a 404
(docs/decisions/0002-access-scoping-404.md).
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from ..models import Company, Membership, Role, School, User
from ..selectors import roles_of
from .company_origin import company_ids_added_for
from .hosting import company_ids_hosting

SCHOOL, COMPANY = "school", "company"
MODELS = {SCHOOL: School, COMPANY: Company}
# The roles the people pages give and take; learners have their own pages under placements.
MANAGED_ROLES = {SCHOOL: (Role.TEACHER, Role.COORDINATOR), COMPANY: (Role.MENTOR, Role.COMPANY_ADMIN)}
MANAGER_ROLE = {SCHOOL: Role.COORDINATOR, COMPANY: Role.COMPANY_ADMIN}
# Every role someone may hold at the organisation, in the order the pages list them.
ALL_ROLES = {SCHOOL: (Role.COORDINATOR, Role.TEACHER, Role.LEARNER), COMPANY: (Role.COMPANY_ADMIN, Role.MENTOR)}


@dataclass(frozen=True)
class Org:
    """A school or a company whose people are managed."""

    kind: str
    obj: School | Company

    @property
    def pk(self) -> int:
        return self.obj.pk

    @property
    def name(self) -> str:
        return self.obj.name

    @property
    def managed_roles(self) -> tuple[Role, ...]:
        return MANAGED_ROLES[self.kind]

    @property
    def all_roles(self) -> tuple[Role, ...]:
        return ALL_ROLES[self.kind]

    def memberships(self) -> QuerySet[Membership]:
        return Membership.objects.filter(**{self.kind: self.obj})

    def invitation_fields(self) -> dict:
        return {self.kind: self.obj}


def _ids(user: User, kind: str, *, manager: bool) -> frozenset[int]:
    roles = roles_of(user)
    if manager:
        return roles.schools_as(Role.COORDINATOR) if kind == SCHOOL else roles.companies_as(Role.COMPANY_ADMIN)
    by_role = roles.school_ids if kind == SCHOOL else roles.company_ids
    return frozenset().union(*by_role.values()) if by_role else frozenset()


def may_manage(user: User, kind: str, pk: int) -> bool:
    return roles_of(user).is_staff or pk in _ids(user, kind, manager=True)


def org_for_manager(user: User, kind: str, pk: int) -> Org:
    """The organisation whose people `user` manages; 403 for its other members, 404 for anyone else."""
    if kind not in MODELS:
        raise Http404
    obj = MODELS[kind].objects.filter(pk=pk).first()
    if obj is None:
        raise Http404
    if may_manage(user, kind, pk):
        return Org(kind, obj)
    if pk in _ids(user, kind, manager=False):
        if kind == SCHOOL:
            raise PermissionDenied(_("Only the school's coordinators manage its people."))
        raise PermissionDenied(_("Only the company's admins manage its people."))
    raise Http404


def managed_orgs(user: User) -> list[Org]:
    """The schools and companies whose people `user` manages (for staff: none listed, they pick a school)."""
    roles = roles_of(user)
    schools = School.objects.filter(pk__in=roles.schools_as(Role.COORDINATOR)).order_by("name")
    companies = Company.objects.filter(pk__in=roles.companies_as(Role.COMPANY_ADMIN)).order_by("name")
    return [Org(SCHOOL, school) for school in schools] + [Org(COMPANY, company) for company in companies]


def people_of(org: Org, *, query: str = "", role: str = "", status: str = "") -> QuerySet[User]:
    """Everyone who has or had a role at the organisation, each with `org_memberships` (theirs there)."""
    memberships = org.memberships()
    if role:
        memberships = memberships.filter(role=role)
    people = User.objects.filter(pk__in=memberships.values("user_id"))
    if query:
        for word in query.split()[:5]:
            people = people.filter(
                Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(email__icontains=word)
            )
    current = org.memberships().filter(ended_at__isnull=True).values("user_id")
    if status == "active":
        people = people.filter(pk__in=current, is_active=True)
    elif status == "left":
        people = people.exclude(pk__in=current, is_active=True)
    return people.order_by("last_name", "first_name", "pk").prefetch_related(
        Prefetch("memberships", queryset=org.memberships().order_by("role"), to_attr="org_memberships")
    )


def person_of(org: Org, user_pk: int) -> User:
    """Someone who has or had a role at the organisation (with `org_memberships`); 404 otherwise."""
    person = people_of(org).filter(pk=user_pk).first()
    if person is None:
        raise Http404
    return person


def is_learner_only(person: User) -> bool:
    """A learner here and nothing else (read from `org_memberships`): managed on the learners' pages."""
    roles = {m.role for m in person.org_memberships if m.ended_at is None} or {m.role for m in person.org_memberships}
    return roles == {Role.LEARNER}


def has_left(person: User) -> bool:
    """No current role at the organisation (read from `org_memberships`), or an account closed altogether."""
    return not person.is_active or all(m.ended_at is not None for m in person.org_memberships)


# --- Companies: whose profile someone may edit ----------------------------------------------------------


def editable_companies(user: User) -> QuerySet[Company]:
    """Staff: every company; a company admin: theirs; a coordinator: those hosting their school's learners, and
    those their school added (company_origin.py)."""
    roles = roles_of(user)
    if roles.is_staff:
        return Company.objects.all()
    schools = roles.schools_as(Role.COORDINATOR)
    hosting, added = company_ids_hosting(schools), company_ids_added_for(schools)
    return Company.objects.filter(
        Q(pk__in=roles.companies_as(Role.COMPANY_ADMIN)) | Q(pk__in=hosting) | Q(pk__in=added)
    )


def company_for_editor(user: User, pk: int) -> Company:
    """A company whose profile `user` may edit; 403 for its other people, 404 for anyone else."""
    company = editable_companies(user).filter(pk=pk).first()
    if company is not None:
        return company
    if pk in _ids(user, COMPANY, manager=False):
        raise PermissionDenied(_("Only the company's admins and the coordinators of its learners' schools edit it."))
    raise Http404


def org_for_inviter(user: User, kind: str, pk: int) -> tuple[Org, tuple[Role, ...]]:
    """The organisation of the "add a person" page and the roles `user` may give there: its managers give its
    managed roles; a coordinator who may edit a company (e.g. one they just added) invites its admins only."""
    if kind == COMPANY and not may_manage(user, kind, pk):
        company = editable_companies(user).filter(pk=pk).first()
        if company is not None:
            return Org(COMPANY, company), (Role.COMPANY_ADMIN,)
    org = org_for_manager(user, kind, pk)
    return org, org.managed_roles
