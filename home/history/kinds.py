"""The fixed list of objects whose history may be read, and who may read it.

Staff read every history. A coordinator reads the history of what belongs to their school: its certificates,
placements, assessment records, roles and settings, and the companies that host its learners (the register and
the placements are theirs). Anyone else who may see the object itself gets a 403; an object they cannot see at
all, and a kind that is not on the list, is a 404 (docs/decisions/0002-access-scoping-404.md).
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Model
from django.http import Http404
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Company, Membership, Role, School, User
from accounts.selectors import RoleSet, companies_for, roles_of
from assessments.models import AssessmentRecord
from assessments.selectors import record_for_user
from meetings.models import MeetingSettings
from placements.models import Placement
from placements.selectors import placements_visible_to
from registry.models import Certificate, CompanyMerge, Enrolment, RegistrySettings
from registry.selectors import certificates_visible_to

from .changes import with_names


@dataclass(frozen=True)
class Kind:
    key: str
    label: Promise
    model: type[Model]  # what the URL's pk names
    audited: tuple[type[Model], ...]  # whose history rows the page shows
    lookup: str  # the field of those history rows that holds the pk
    coordinated: Callable[[Model, frozenset[int]], bool]  # may a coordinator of these schools read it?
    seen_by: Callable[[User, Model], bool]  # may this person see the object itself? then 403, else 404
    page: Callable[[Model], str] | None = None  # the object's own page
    only: Callable[[Model], bool] = lambda obj: True  # which objects of the model the kind covers


def _hosts(company_id: int | None, school_ids: frozenset[int]) -> bool:
    """Does the company host (or did it host) a placement of one of these schools?"""
    return bool(company_id) and Placement.objects.filter(company_id=company_id, school_id__in=school_ids).exists()


def _hosts_company(company: Company, school_ids: frozenset[int]) -> bool:
    """The company hosts these schools' learners; for a record merged into another company, that one does."""
    if _hosts(company.pk, school_ids):
        return True
    kept = CompanyMerge.objects.filter(merged_company_id=company.pk).values_list("kept_id", flat=True).first()
    return _hosts(kept, school_ids)


def record_school_id(record: AssessmentRecord) -> int | None:
    """The school a record belongs to: its placement's, or its course's for a mentor's assessment. No query
    when the record page has loaded them already."""
    loaded = record._state.fields_cache
    if record.placement_id:
        if loaded.get("placement") is not None:
            return record.placement.school_id
        return Placement.objects.filter(pk=record.placement_id).values_list("school_id", flat=True).first()
    if loaded.get("enrolment") is not None and "course" in record.enrolment._state.fields_cache:
        return record.enrolment.course.school_id
    return Enrolment.objects.filter(pk=record.enrolment_id).values_list("course__school_id", flat=True).first()


def _sees_record(user: User, record: AssessmentRecord) -> bool:
    try:
        record_for_user(user, record.pk)
    except Http404:
        return False
    return True


def _all_ids(ids_by_role: dict[str, frozenset[int]]) -> frozenset[int]:
    return frozenset().union(*ids_by_role.values())


def _sees_membership(user: User, membership: Membership) -> bool:
    roles: RoleSet = roles_of(user)
    return (
        membership.user_id == user.pk
        or membership.school_id in _all_ids(roles.school_ids)
        or membership.company_id in _all_ids(roles.company_ids)
    )


def _sees_company(user: User, company: Company) -> bool:
    return (
        companies_for(user).filter(pk=company.pk).exists()
        or placements_visible_to(user).filter(company_id=company.pk).exists()
    )


RECORD = Kind(
    key="record",
    label=gettext_lazy("Assessment record"),
    model=AssessmentRecord,
    audited=(AssessmentRecord,),
    lookup="id",
    coordinated=lambda record, schools: record_school_id(record) in schools,
    seen_by=_sees_record,
    page=lambda record: reverse("assessment_detail", args=[record.pk]),
)

KINDS = {
    kind.key: kind
    for kind in (
        Kind(
            key="certificate",
            label=gettext_lazy("Certificate"),
            model=Certificate,
            audited=(Certificate,),
            lookup="id",
            coordinated=lambda certificate, schools: certificate.school_id in schools,
            seen_by=lambda user, certificate: certificates_visible_to(user).filter(pk=certificate.pk).exists(),
            page=lambda certificate: reverse("certificate_detail", args=[certificate.pk]),
        ),
        RECORD,
        # An amendment is an assessment record that amends another: the same rules, its own name.
        replace(
            RECORD, key="amendment", label=gettext_lazy("Amendment"), only=lambda record: record.amends_id is not None
        ),
        Kind(
            key="placement",
            label=gettext_lazy("Work placement"),
            model=Placement,
            audited=(Placement,),
            lookup="id",
            coordinated=lambda placement, schools: placement.school_id in schools,
            seen_by=lambda user, placement: placements_visible_to(user).filter(pk=placement.pk).exists(),
            page=lambda placement: reverse("placement_detail", args=[placement.pk]),
        ),
        Kind(
            key="company",
            label=gettext_lazy("Company"),
            model=Company,
            audited=(Company,),
            lookup="id",
            coordinated=_hosts_company,
            seen_by=_sees_company,
            page=lambda company: reverse("company_register_detail", args=[company.pk]),
        ),
        Kind(
            key="membership",
            label=gettext_lazy("Role"),
            model=Membership,
            audited=(Membership,),
            lookup="id",
            coordinated=lambda membership, schools: (
                membership.school_id in schools or _hosts(membership.company_id, schools)
            ),
            seen_by=_sees_membership,
        ),
        Kind(
            key="school-settings",
            label=gettext_lazy("School settings"),
            model=School,
            audited=(RegistrySettings, MeetingSettings),
            lookup="school_id",
            coordinated=lambda school, schools: school.pk in schools,
            seen_by=lambda user, school: school.pk in _all_ids(roles_of(user).school_ids),
            page=lambda school: f"{reverse('registry_settings')}?school={school.pk}",
        ),
    )
}


def kind_named(key: str) -> Kind:
    kind = KINDS.get(key)
    if kind is None:
        raise Http404("No history of that kind.")
    return kind


def find_subject(kind: Kind, pk: int) -> tuple[Model, bool] | None:
    """(the object, True) while it exists; (the object as last recorded, False) once deleted; None if neither."""
    obj = with_names(kind.model).filter(pk=pk).first()
    live = obj is not None
    if not live and kind.model in kind.audited:
        last = kind.model.history.filter(id=pk).order_by("-history_date", "-history_id").first()
        obj = last.instance if last is not None else None
    if obj is None or not kind.only(obj):
        return None
    return obj, live


def may_read_history(user: User, kind: Kind, obj: Model) -> bool:
    roles = roles_of(user)
    if roles.is_staff:
        return True
    schools = roles.schools_as(Role.COORDINATOR)
    return bool(schools) and kind.coordinated(obj, schools)


def history_subject_for_user(user: User, kind: Kind, pk: int) -> tuple[Model, bool]:
    """The object whose history `user` asks for: 404 when they cannot see it at all, 403 when they may see
    it but not its history."""
    found = find_subject(kind, pk)
    if found is None:
        raise Http404("No such object.")
    obj, live = found
    if may_read_history(user, kind, obj):
        return obj, live
    if live and kind.seen_by(user, obj):
        raise PermissionDenied(_("The history of changes is for coordinators and staff."))
    raise Http404("No such object.")


def describe(obj: Model) -> str:
    """The object's name, also when something it names in its __str__ has been deleted since."""
    try:
        return str(obj)
    except ObjectDoesNotExist:
        return f"#{obj.pk}"
