"""Small frameworks, plans and records for the assessment tests."""

from datetime import date

from django.utils import timezone

from assessments.models import (
    Area,
    AssessmentMoment,
    AssessmentPlan,
    AssessmentRecord,
    Competency,
    Framework,
    FrameworkVersion,
    Indicator,
    Method,
    Rating,
    RatingLevel,
    Signature,
)

DEFAULT_SCALE = (("unsatisfactory", "onvoldoende", False), ("satisfactory", "voldoende", True), ("good", "goed", True))


def make_framework_version(
    *,
    school=None,
    code="test-framework",
    title="Test framework",
    areas=2,
    competencies=2,
    indicators=2,
    published=True,
    number=1,
    framework=None,
    purpose=Framework.Purpose.LEARNERS,
):
    """A version with `areas` × `competencies` × `indicators` items titled "Indicator 1.2.1" and so on."""
    if framework is None:
        framework = Framework.objects.create(
            school=school, code=code, title_en=title, title_nl=f"{title} (nl)", purpose=purpose
        )
    version = FrameworkVersion.objects.create(
        framework=framework,
        number=number,
        status=FrameworkVersion.Status.PUBLISHED if published else FrameworkVersion.Status.DRAFT,
        published_at=timezone.now() if published else None,
    )
    for value, (title_en, title_nl, passing) in enumerate(DEFAULT_SCALE, start=1):
        RatingLevel.objects.create(
            version=version, value=value, title_en=title_en, title_nl=title_nl, is_passing=passing
        )
    for a in range(1, areas + 1):
        area = Area.objects.create(
            version=version, code=str(a), title_en=f"Area {a}", title_nl=f"Gebied {a}", position=a
        )
        for c in range(1, competencies + 1):
            competency = Competency.objects.create(
                area=area, code=f"{a}.{c}", title_en=f"Competency {a}.{c}", title_nl=f"Competentie {a}.{c}", position=c
            )
            for i in range(1, indicators + 1):
                Indicator.objects.create(
                    competency=competency,
                    code=f"{a}.{c}.{i}",
                    title_en=f"Indicator {a}.{c}.{i}",
                    title_nl=f"Indicator {a}.{c}.{i} (nl)",
                    position=i,
                )
    return version


def indicators_of(version):
    return list(Indicator.objects.filter(competency__area__version=version).order_by("code"))


def make_assessment_plan(placement, *, version=None, created_by=None, moments=(AssessmentMoment.Kind.MID_TERM,)):
    """A plan on `version` (a fresh one by default) with all its indicators and the given moments."""
    version = version or make_framework_version()
    plan = AssessmentPlan.objects.create(
        placement=placement, framework_version=version, created_by=created_by or placement.mentor
    )
    plan.indicators.set(indicators_of(version))
    for offset, kind in enumerate(moments):
        AssessmentMoment.objects.create(
            plan=plan,
            kind=kind,
            due_date=date(2026, 3 + 3 * offset, 1),
            methods=[Method.OBSERVATION, Method.PORTFOLIO],
        )
    return plan


def make_record(placement, *, plan=None, assessed_on=date(2026, 3, 1), created_by=None, rate=True, **fields):
    """A draft record of the placement's learner on the plan's version; every indicator rated when `rate`."""
    plan = plan or getattr(placement, "assessment_plan", None) or make_assessment_plan(placement)
    version = plan.framework_version
    record = AssessmentRecord.objects.create(
        subject=placement.learner,
        placement=placement,
        moment=plan.moments.first(),
        framework_version=version,
        title=fields.pop("title", "Mid-term assessment"),
        assessed_on=assessed_on,
        created_by=created_by or placement.mentor,
        **fields,
    )
    if rate:
        levels = list(version.levels.order_by("value"))
        for n, indicator in enumerate(plan.indicators.order_by("code")):
            Rating.objects.create(record=record, indicator=indicator, level=levels[n % len(levels)], remarks="")
    return record


def lock(record, *, at=None):
    """Mark the record signed by everyone, as the signing service does after the last signature."""
    at = at or timezone.now()
    placement = record.placement
    people = [(Signature.Role.ASSESSOR, placement.mentor), (Signature.Role.SUBJECT, record.subject)]
    for role, user in people:
        Signature.objects.create(
            record=record,
            role=role,
            user=user,
            name=user.get_full_name() or user.email,
            email=user.email,
            verdict=Signature.Verdict.AGREE,
            signed_at=at,
        )
    AssessmentRecord.objects.filter(pk=record.pk).update(status=AssessmentRecord.Status.SIGNED, locked_at=at)
    record.refresh_from_db()
    return record
