"""Who may see and change a school's certificate design. Views ask here only.

Coordinators (and staff) design their school's certificate and choose the version to use; the school's
teachers (supervisors) may look at the versions and preview them, not change them. Anyone else gets 404.
"""

import uuid

from django.db.models import QuerySet
from django.http import Http404

from accounts.models import Role, School, User
from accounts.selectors import roles_of

from ..models import CertificateDesign
from .selectors import registry_settings_schools


def design_schools(user: User) -> QuerySet[School]:
    """Schools whose certificate designs `user` may see and preview."""
    roles = roles_of(user)
    if roles.is_staff:
        return School.objects.order_by("name")
    school_ids = roles.schools_as(Role.COORDINATOR) | roles.schools_as(Role.TEACHER)
    return School.objects.filter(pk__in=school_ids).order_by("name")


def can_change_designs(user: User, school: School) -> bool:
    return registry_settings_schools(user).filter(pk=school.pk).exists()


def designs_of(school: School) -> QuerySet[CertificateDesign]:
    """The school's versions, newest first, without their images (the list does not show them)."""
    return CertificateDesign.objects.filter(school=school).defer("logo", "signature", "signature2").order_by("-version")


def design_in_use_pk(school: School) -> int | None:
    """The id of the version the school uses now, without loading its images."""
    return (
        CertificateDesign.objects.filter(school=school, used_at__isnull=False)
        .order_by("-used_at")
        .values_list("pk", flat=True)
        .first()
    )


def design_for_user(user: User, public_id) -> CertificateDesign:
    try:
        public_id = uuid.UUID(str(public_id))
    except ValueError:
        raise Http404("No such certificate design.") from None
    design = (
        CertificateDesign.objects.filter(public_id=public_id, school__in=design_schools(user))
        .select_related("school")
        .first()
    )
    if design is None:
        raise Http404("No such certificate design.")
    return design
