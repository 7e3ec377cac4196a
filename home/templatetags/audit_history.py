"""`{% history_url "placement" placement as url %}`: the History page of an object, for those who may read it.

Pages of the lower apps link to the History page (home/history/) through this tag, so the rule of who may
read a history stays in one place and the apps need not import home. Empty when the viewer may not read it.
"""

from django import template
from django.urls import reverse

from accounts.models import Role
from accounts.selectors import roles_of
from home.history.kinds import kind_named, may_read_history
from placements.models import Placement

register = template.Library()

_HOSTING_ATTR = "_werkmentor_history_hosting"


def _hosting_company_ids(user) -> frozenset[int]:
    """Companies hosting a placement of the schools `user` coordinates: read once per request, so that a list
    of companies costs one query for all its links, not one per row."""
    cached = getattr(user, _HOSTING_ATTR, None)
    if cached is None:
        schools = roles_of(user).schools_as(Role.COORDINATOR)
        cached = frozenset(
            Placement.objects.filter(school_id__in=schools).values_list("company_id", flat=True).distinct()
            if schools
            else ()
        )
        setattr(user, _HOSTING_ATTR, cached)
    return cached


def _may_read_company_history(user, company, in_register: bool) -> bool:
    roles = roles_of(user)
    coordinated = roles.schools_as(Role.COORDINATOR)
    if not coordinated:
        return False
    # The company register lists the companies hosting learners of the schools the viewer works at; when they
    # coordinate all of those schools, every company listed is theirs to audit, and no query is needed.
    if in_register and roles.school_staff_school_ids <= coordinated:
        return True
    return company.pk in _hosting_company_ids(user)


@register.simple_tag(takes_context=True)
def history_url(context, kind_key, obj, in_register=False) -> str:
    """`in_register=True`: the company is listed in the viewer's company register."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or obj is None:
        return ""
    kind = kind_named(kind_key)
    if kind.key == "company" and not roles_of(user).is_staff:
        allowed = _may_read_company_history(user, obj, in_register)
    else:
        allowed = may_read_history(user, kind, obj)
    return reverse("history", args=[kind.key, obj.pk]) if allowed else ""
