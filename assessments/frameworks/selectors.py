"""Who sees and changes competency frameworks, and the reads their pages need.

The published (and retired) versions of the frameworks that come with Werkmentor are open to everyone with
a role. A school's own frameworks are open to the people of that school and to the work mentors and company
admins who host its learners (they assess against them); to everyone else they do not exist (404). Drafts,
and every change, belong to the teachers and coordinators of the owning school, and to staff. Shipped
frameworks are never changed in the app: schools copy them.
"""

from django.db.models import Case, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.http import Http404

from accounts.models import Role, School, User
from accounts.selectors import roles_of
from core.queries import subquery_count
from placements.models import Placement

from ..models import Area, AssessmentPlan, AssessmentRecord, Competency, Framework, FrameworkVersion, Indicator

READABLE = (FrameworkVersion.Status.PUBLISHED, FrameworkVersion.Status.RETIRED)


# --- who may do what ----------------------------------------------------------------------------------


def _reader_school_ids(user: User) -> frozenset[int]:
    """Schools whose published frameworks the user reads: their own, and those of the learners they host."""
    roles = roles_of(user)
    ids = set().union(*roles.school_ids.values()) if roles.school_ids else set()
    admin_of = roles.companies_as(Role.COMPANY_ADMIN)
    if roles.has(Role.MENTOR) or admin_of:
        hosted = Placement.objects.filter(Q(mentor=user) | Q(company__in=admin_of))
        ids.update(hosted.order_by().values_list("school_id", flat=True).distinct())
    return frozenset(ids)


def can_create_framework(user: User) -> bool:
    roles = roles_of(user)
    return roles.is_staff or bool(roles.school_staff_school_ids)


def framework_schools_for(user: User) -> QuerySet[School]:
    """The schools the user may add frameworks to (and copy frameworks into)."""
    roles = roles_of(user)
    if roles.is_staff:
        return School.objects.all()
    return School.objects.filter(pk__in=roles.school_staff_school_ids)


def can_edit_framework(user: User, framework: Framework) -> bool:
    """Teachers and coordinators of the owning school, and staff; a shipped framework nobody changes."""
    if framework.is_shipped:
        return False
    roles = roles_of(user)
    return roles.is_staff or framework.school_id in roles.school_staff_school_ids


def can_see_drafts(user: User, framework: Framework) -> bool:
    return roles_of(user).is_staff or can_edit_framework(user, framework)


def frameworks_visible_to(user: User) -> QuerySet[Framework]:
    roles = roles_of(user)
    if roles.is_staff:
        return Framework.objects.all()
    if not roles.roles:
        return Framework.objects.none()
    readable = Exists(FrameworkVersion.objects.filter(framework=OuterRef("pk"), status__in=READABLE))
    readers = Q(school__isnull=True) | Q(school_id__in=_reader_school_ids(user))
    editors = Q(school_id__in=roles.school_staff_school_ids)
    return Framework.objects.filter((readers & readable) | editors)


def versions_visible_to(user: User) -> QuerySet[FrameworkVersion]:
    versions = FrameworkVersion.objects.filter(framework__in=frameworks_visible_to(user))
    roles = roles_of(user)
    if roles.is_staff:
        return versions
    return versions.filter(Q(status__in=READABLE) | Q(framework__school_id__in=roles.school_staff_school_ids))


def framework_for_user(user: User, pk: int) -> Framework:
    framework = frameworks_visible_to(user).select_related("school", "cloned_from__framework").filter(pk=pk).first()
    if framework is None:
        raise Http404("No such competency framework.")
    return framework


def version_for_user(user: User, pk: int) -> FrameworkVersion:
    version = (
        versions_visible_to(user)
        .select_related("framework__school", "framework__cloned_from__framework")
        .filter(pk=pk)
        .first()
    )
    if version is None:
        raise Http404("No such framework version.")
    return version


# --- pages --------------------------------------------------------------------------------------------


def _shown_first():
    """Which version a framework shows by default: the published one, else the latest retired, else the draft."""
    rank = Case(
        When(status=FrameworkVersion.Status.PUBLISHED, then=Value(0)),
        When(status=FrameworkVersion.Status.RETIRED, then=Value(1)),
        default=Value(2),
    )
    return FrameworkVersion.objects.filter(framework=OuterRef("pk")).order_by(rank, "-number")


def frameworks_for_list(user: User) -> list[Framework]:
    """Visible frameworks with their shown version's number, status and size, in one query."""
    shown = _shown_first()
    drafts = FrameworkVersion.objects.filter(framework=OuterRef("pk"), status=FrameworkVersion.Status.DRAFT)
    frameworks = (
        Framework.objects.filter(pk__in=frameworks_visible_to(user).values("pk"))
        .select_related("school")
        .annotate(
            shown_version_id=Subquery(shown.values("pk")[:1]),
            shown_number=Subquery(shown.values("number")[:1]),
            shown_status=Subquery(shown.values("status")[:1]),
            draft_number=Subquery(drafts.values("number")[:1]),
        )
        .annotate(
            area_count=subquery_count(Area.objects.filter(version=OuterRef("shown_version_id")), "version"),
            competency_count=subquery_count(
                Competency.objects.filter(area__version=OuterRef("shown_version_id")), "area__version"
            ),
            indicator_count=subquery_count(
                Indicator.objects.filter(competency__area__version=OuterRef("shown_version_id")),
                "competency__area__version",
            ),
        )
    )
    frameworks = list(frameworks)
    for framework in frameworks:
        framework.can_edit = can_edit_framework(user, framework)
        # Someone who may not see drafts does not learn that one is being prepared.
        if not can_see_drafts(user, framework):
            framework.draft_number = None
    return sorted(frameworks, key=lambda f: (f.school.name if f.school else "", f.title.casefold(), f.pk))


def versions_of(user: User, framework: Framework) -> list[FrameworkVersion]:
    """The framework's versions the user may see, newest first, with how many plans and assessments use them."""
    versions = framework.versions.all()
    if not can_see_drafts(user, framework):
        versions = versions.filter(status__in=READABLE)
    return list(
        versions.annotate(
            plan_count=subquery_count(
                AssessmentPlan.objects.filter(framework_version=OuterRef("pk")), "framework_version"
            ),
            record_count=subquery_count(
                AssessmentRecord.objects.filter(framework_version=OuterRef("pk")), "framework_version"
            ),
        ).order_by("-number")
    )


def default_version(versions: list[FrameworkVersion]) -> FrameworkVersion | None:
    """The version a framework page opens with: the one in use, else the last one in use, else the draft."""
    by_status = {}
    for version in versions:  # newest first
        by_status.setdefault(version.status, version)
    return next((by_status[s] for s in ("published", "retired", "draft") if s in by_status), None)


def version_content(version: FrameworkVersion) -> tuple[list, list[Area]]:
    """The rating scale and the areas with their competencies and indicators, in three plus one queries."""
    indicators = Prefetch("indicators", queryset=Indicator.objects.order_by("position", "pk"))
    competencies = Prefetch(
        "competencies", queryset=Competency.objects.order_by("position", "pk").prefetch_related(indicators)
    )
    areas = list(version.areas.order_by("position", "pk").prefetch_related(competencies))
    return list(version.levels.order_by("value")), areas


def published_versions_for_school(school_id: int, purpose: str | None = None) -> QuerySet[FrameworkVersion]:
    """The latest published version of every shipped framework and of every framework of the school."""
    latest = FrameworkVersion.objects.filter(
        framework=OuterRef("framework"), status=FrameworkVersion.Status.PUBLISHED
    ).order_by("-number")
    versions = FrameworkVersion.objects.filter(
        Q(framework__school__isnull=True) | Q(framework__school_id=school_id),
        status=FrameworkVersion.Status.PUBLISHED,
        pk=Subquery(latest.values("pk")[:1]),
    )
    if purpose:
        versions = versions.filter(framework__purpose=purpose)
    return versions.select_related("framework").order_by("framework__title_en", "framework__title_nl", "pk")
