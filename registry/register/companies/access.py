"""Who may open a host company's page in the register, and who may change its accreditation or merge it.

Seeing follows the register (`hosting_companies` in ../selectors.py): teachers and coordinators see the companies
hosting a placement of their schools' learners, staff all of them; a company's own admins and work mentors see
their own company (its accreditation is theirs to know). Anyone else gets a 404.

Changing follows the company's History page (home/history/kinds.py): the coordinators of a school whose learners
the company hosts or hosted (a placement of any status) and staff. A teacher or a company's own people may see the
page but not change it: 403.
"""

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from accounts.models import Company, Role, User
from accounts.selectors import roles_of
from placements.models import Placement

from ..selectors import hosting_companies

MAX_KEY = 2**63 - 1  # a larger id cannot be in the database (and SQLite cannot even be asked)


def _own_company_ids(user: User) -> frozenset[int]:
    roles = roles_of(user)
    return frozenset().union(*roles.company_ids.values()) if roles.company_ids else frozenset()


def company_in_register(user: User, pk: int) -> Company:
    """The company as `user` may see it on its register page; 404 when they may not see it at all."""
    if not 0 < pk <= MAX_KEY:
        raise Http404("No such company.")
    companies = Company.objects.all() if pk in _own_company_ids(user) else hosting_companies(user)
    company = companies.filter(pk=pk).first()
    if company is None:
        raise Http404("No such company.")
    return company


def managed_companies(user: User) -> QuerySet[Company]:
    """The companies whose accreditation `user` keeps and which they may merge: staff all, a coordinator those
    hosting a placement of a school they coordinate."""
    roles = roles_of(user)
    if roles.is_staff:
        return Company.objects.all()
    schools = roles.schools_as(Role.COORDINATOR)
    if not schools:
        return Company.objects.none()
    hosted = Placement.objects.filter(company=OuterRef("pk"), school_id__in=sorted(schools))
    return Company.objects.filter(Exists(hosted))


def can_manage_companies(user: User) -> bool:
    """May `user` keep the register of companies at all (the duplicates page)?"""
    roles = roles_of(user)
    return roles.is_staff or bool(roles.schools_as(Role.COORDINATOR))


def can_manage_company(user: User, company: Company) -> bool:
    roles = roles_of(user)
    if roles.is_staff:
        return True
    schools = roles.schools_as(Role.COORDINATOR)
    return bool(schools) and Placement.objects.filter(company=company, school_id__in=sorted(schools)).exists()
