"""Demo assessments: a school's own framework, plans with moments, evidence and a signed mid-term record.

The demo mentor's first learner has a signed mid-term assessment and a final one still to come; the second
learner has a plan whose mid-term is assessed by the mentor alone, ready to rate (the browser test does).
"""

from datetime import timedelta

from django.apps import apps
from django.utils import timezone

from assessments.frameworks_data import DEFAULT_SCALE
from assessments.models import (
    Area,
    AssessmentMoment,
    AssessmentPlan,
    AssessmentRecord,
    Assessors,
    Competency,
    CompetencyJudgement,
    Evidence,
    Framework,
    FrameworkVersion,
    Indicator,
    Method,
    Rating,
    RatingLevel,
    Signature,
)
from assessments.shipped_frameworks import install as install_shipped_frameworks
from placements.models import Placement

MENTOR_EMAIL = "mentor@demo.werkmentor.nl"

# A school's own framework for learners, small on purpose: (area, [(competency, [indicators])]).
SCHOOL_FRAMEWORK = [
    (
        ("Work attitude", "Werkhouding"),
        [
            (
                ("Is reliable", "Is betrouwbaar"),
                [
                    ("Arrives on time and reports absence in advance", "Is op tijd en meldt afwezigheid vooraf"),
                    ("Keeps agreements with colleagues", "Komt afspraken met collega's na"),
                ],
            ),
            (
                ("Cooperates", "Werkt samen"),
                [
                    ("Asks for help when unsure", "Vraagt om hulp bij twijfel"),
                    ("Shares information with the team", "Deelt informatie met het team"),
                ],
            ),
        ],
    ),
    (
        ("Craftsmanship", "Vakmanschap"),
        [
            (
                ("Works according to procedures", "Werkt volgens procedures"),
                [
                    ("Follows recipes and work instructions", "Volgt recepten en werkinstructies"),
                    ("Works hygienically and safely", "Werkt hygiënisch en veilig"),
                ],
            ),
            (
                ("Delivers quality", "Levert kwaliteit"),
                [
                    ("Checks own work before handing it over", "Controleert eigen werk voor het wordt doorgegeven"),
                    ("Gives customers correct product advice", "Geeft klanten juist productadvies"),
                ],
            ),
        ],
    ),
]


def _school_framework(school, today) -> FrameworkVersion:
    framework, _ = Framework.objects.get_or_create(
        school=school,
        code="professional-attitude",
        defaults={
            "title_en": "Professional attitude in the work placement",
            "title_nl": "Beroepshouding in de BPV",
            "description": "What the school expects of every learner at a host company.",
        },
    )
    version = framework.versions.filter(number=1).first()
    if version is not None:
        return version
    version = FrameworkVersion.objects.create(
        framework=framework, number=1, status=FrameworkVersion.Status.PUBLISHED, published_at=timezone.now()
    )
    for value, en, nl, passing in DEFAULT_SCALE:
        RatingLevel.objects.create(version=version, value=value, title_en=en, title_nl=nl, is_passing=passing)
    for a, ((area_en, area_nl), competencies) in enumerate(SCHOOL_FRAMEWORK, start=1):
        area = Area.objects.create(version=version, code=str(a), title_en=area_en, title_nl=area_nl, position=a)
        for c, ((comp_en, comp_nl), indicators) in enumerate(competencies, start=1):
            competency = Competency.objects.create(
                area=area, code=f"{a}.{c}", title_en=comp_en, title_nl=comp_nl, position=c
            )
            for i, (ind_en, ind_nl) in enumerate(indicators, start=1):
                Indicator.objects.create(
                    competency=competency, code=f"{a}.{c}.{i}", title_en=ind_en, title_nl=ind_nl, position=i
                )
    return version


def _plan(placement, version, moments) -> AssessmentPlan:
    plan, created = AssessmentPlan.objects.get_or_create(
        placement=placement, defaults={"framework_version": version, "created_by": placement.mentor}
    )
    if created:
        plan.indicators.set(Indicator.objects.filter(competency__area__version=version))
        for kind, due, assessors in moments:
            AssessmentMoment.objects.create(
                plan=plan,
                kind=kind,
                due_date=due,
                methods=[Method.OBSERVATION, Method.PORTFOLIO, Method.INTERVIEW],
                assessors=assessors,
            )
    return plan


def _evidence(placement, plan, today) -> None:
    if placement.evidence.exists():
        return
    indicators = {indicator.code: indicator for indicator in plan.indicators.all()}
    items = [
        (placement.learner, "Hygiene check passed", "Internal hygiene check of my workstation: no remarks.", ["2.1.2"]),
        (placement.mentor, "Observed counter conversations", "Two conversations with customers observed.", ["2.2.2"]),
        (
            placement.learner,
            "Own shift plan",
            "My plan for the Saturday morning shift, ready on time.",
            ["1.1.1", "1.1.2"],
        ),
    ]
    for author, title, text, codes in items:
        evidence = Evidence.objects.create(placement=placement, title=title, text=text, added_by=author)
        evidence.indicators.set([indicators[code] for code in codes if code in indicators])
        evidence.sessions.set(placement.coaching_sessions.order_by("-date")[:1])


def _signed_mid_term(placement, plan, today) -> None:
    moment = plan.moments.filter(kind=AssessmentMoment.Kind.MID_TERM).first()
    if AssessmentRecord.objects.filter(placement=placement, moment=moment).exists():
        return
    version = plan.framework_version
    levels = {level.value: level for level in version.levels.all()}
    assessed_on = today - timedelta(days=10)
    signed_at = timezone.now() - timedelta(days=8)
    record = AssessmentRecord.objects.create(
        subject=placement.learner,
        placement=placement,
        moment=moment,
        framework_version=version,
        title="Mid-term assessment",
        assessed_on=assessed_on,
        status=AssessmentRecord.Status.SIGNED,
        overall_level=levels[2],
        overall_remarks="Good start; hygiene and reliability are in order, product advice needs practice.",
        strengths="Reliable, calm under time pressure, works hygienically.",
        development_points="Explain ingredients and allergens to customers more precisely.",
        learner_response="I agree. I will practise the allergen list with Marieke.",
        created_by=placement.mentor,
        submitted_at=signed_at - timedelta(days=1),
        locked_at=signed_at,
        pdf_sent_at=signed_at,
    )
    for indicator in plan.indicators.all():
        value = 1 if indicator.code == "2.2.2" else (3 if indicator.code.startswith("1.1") else 2)
        Rating.objects.create(record=record, indicator=indicator, level=levels[value])
    judgements = {
        "1.1": (3, "Always on time and keeps every agreement."),
        "1.2": (2, "Asks for help when needed; could share more with the team."),
        "2.1": (2, "Follows the recipes; the hygiene check had no remarks."),
        "2.2": (2, "Checks own work well; product advice still needs practice."),
    }
    for competency in Competency.objects.filter(area__version=version, code__in=judgements):
        value, remarks = judgements[competency.code]
        CompetencyJudgement.objects.create(record=record, competency=competency, level=levels[value], remarks=remarks)
    for role, user in (
        (Signature.Role.ASSESSOR, placement.mentor),
        (Signature.Role.ASSESSOR, placement.supervisor),
        (Signature.Role.SUBJECT, placement.learner),
    ):
        Signature.objects.create(
            record=record,
            role=role,
            user=user,
            name=user.get_full_name(),
            email=user.email,
            verdict=Signature.Verdict.AGREE,
            signed_at=signed_at,
        )


def _link_goals(placement, version) -> None:
    """The coaching plan's goals point at the competencies they build, as the goal form lets mentors do."""
    plan = getattr(placement, "coaching_plan", None)
    if plan is None:
        return
    competencies = {c.code: c for c in Competency.objects.filter(area__version=version)}
    for goal, code in zip(plan.goals.order_by("position", "pk"), ("2.1", "1.1", "2.2"), strict=False):
        if not goal.competencies.exists():
            goal.competencies.add(competencies[code])


def seed(placements: list[Placement], today) -> None:
    # The migration installs them; a database emptied since (a flushed test database) gets them back here.
    install_shipped_frameworks(apps.get_model)
    mentored = [p for p in placements if p.mentor.email == MENTOR_EMAIL and p.status == Placement.Status.ACTIVE]
    if not mentored:
        return
    first = mentored[0]
    version = _school_framework(first.school, today)
    plan = _plan(
        first,
        version,
        [
            (AssessmentMoment.Kind.MID_TERM, today - timedelta(days=10), Assessors.BOTH),
            (AssessmentMoment.Kind.FINAL, first.end_date - timedelta(days=7), Assessors.BOTH),
        ],
    )
    _evidence(first, plan, today)
    _signed_mid_term(first, plan, today)
    _link_goals(first, version)
    for placement in mentored[1:2]:
        _plan(
            placement,
            version,
            [
                (AssessmentMoment.Kind.MID_TERM, today + timedelta(days=7), Assessors.MENTOR),
                (AssessmentMoment.Kind.FINAL, placement.end_date - timedelta(days=7), Assessors.BOTH),
            ],
        )
