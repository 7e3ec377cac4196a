"""Reads for a placement's assessment plan and evidence, each in a fixed number of queries.

Access is decided in assessments/selectors.py; these functions assume the caller already may see the placement.
"""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from placements.models import Placement

from ..models import (
    AssessmentMoment,
    AssessmentPlan,
    AssessmentRecord,
    Competency,
    Evidence,
    Framework,
    FrameworkVersion,
    Indicator,
)


def plan_of(placement: Placement, *, with_moments: bool = False) -> AssessmentPlan | None:
    plans = AssessmentPlan.objects.filter(placement=placement).select_related(
        "framework_version__framework", "created_by"
    )
    return (plans.prefetch_related("moments") if with_moments else plans).first()


def placement_has_records(placement: Placement) -> bool:
    """Records point at indicators of the plan's version, so once one exists the version is fixed."""
    return AssessmentRecord.objects.filter(placement=placement).exists()


def moments_of(plan: AssessmentPlan) -> QuerySet[AssessmentMoment]:
    return plan.moments.annotate(record_count=Count("records"))


def latest_published_versions(school_id: int) -> QuerySet[FrameworkVersion]:
    """The newest published version of each learner framework the school may use: shipped ones and its own."""
    newer = FrameworkVersion.objects.filter(
        framework=OuterRef("framework"), status=FrameworkVersion.Status.PUBLISHED, number__gt=OuterRef("number")
    )
    return (
        FrameworkVersion.objects.filter(
            Q(framework__school__isnull=True) | Q(framework__school_id=school_id),
            status=FrameworkVersion.Status.PUBLISHED,
            framework__purpose=Framework.Purpose.LEARNERS,
        )
        .alias(has_newer=Exists(newer))
        .filter(has_newer=False)
    )


def framework_versions_for_plan(placement: Placement, plan: AssessmentPlan | None = None) -> QuerySet[FrameworkVersion]:
    """Versions a plan may use; the plan's own version stays available after a newer one is published."""
    usable = Q(pk__in=latest_published_versions(placement.school_id).values("pk"))
    if plan is not None:
        usable |= Q(pk=plan.framework_version_id)
    return (
        FrameworkVersion.objects.filter(usable)
        .select_related("framework")
        .order_by("framework__title_en", "framework__title_nl", "framework_id", "-number")
    )


def indicators_of_version(version: FrameworkVersion | None) -> QuerySet[Indicator]:
    if version is None:
        return Indicator.objects.none()
    return Indicator.objects.filter(competency__area__version=version).select_related("competency__area")


def planned_indicators(plan: AssessmentPlan | None) -> QuerySet[Indicator]:
    if plan is None:
        return Indicator.objects.none()
    return plan.indicators.select_related("competency__area")


def planned_competencies(plan: AssessmentPlan | None) -> QuerySet[Competency]:
    if plan is None:
        return Competency.objects.none()
    return Competency.objects.filter(indicators__plans=plan).distinct().select_related("area")


def competencies_for_goals(placement: Placement, goal=None) -> QuerySet[Competency]:
    """What a learning goal may be linked to: the plan's framework version once there is an assessment plan,
    otherwise the published frameworks the school may use. The goal's own links stay, so saving keeps them."""
    plan_version = AssessmentPlan.objects.filter(placement=placement).values("framework_version_id")
    if plan_version.exists():
        choices = Q(area__version_id__in=plan_version)
    else:
        choices = Q(area__version_id__in=latest_published_versions(placement.school_id).values("pk"))
    if goal is not None:
        choices |= Q(pk__in=goal.competencies.values("pk"))
    return (
        Competency.objects.filter(choices)
        .select_related("area__version__framework")
        .order_by("area__version__framework__title_en", "area__version_id", "area__position", "position", "pk")
    )


def evidence_for_placement(
    placement: Placement, *, competency: Competency | None = None, indicator: Indicator | None = None
) -> QuerySet[Evidence]:
    """The placement's evidence, newest first, with its author, indicators and sessions."""
    evidence = Evidence.objects.filter(placement=placement)
    tags = Evidence.indicators.through.objects.filter(evidence_id=OuterRef("pk"))
    if indicator is not None:
        evidence = evidence.filter(Exists(tags.filter(indicator=indicator)))
    if competency is not None:
        evidence = evidence.filter(Exists(tags.filter(indicator__competency=competency)))
    return evidence.select_related("added_by").prefetch_related("indicators", "sessions")
