"""A filled-in assessment record (ratings with remarks, judgements, overall), for the PDF and e-mail tests."""

from datetime import date

from assessments.models import Competency, CompetencyJudgement, Rating

from .factories_assessments import make_assessment_plan, make_framework_version, make_record


def filled_record(
    placement,
    *,
    areas=2,
    competencies=2,
    indicators=2,
    remarks="Works carefully and asks good questions.",
    assessed_on=date(2026, 3, 1),
    **fields,
):
    """A draft record of the placement's learner: every indicator rated and remarked, every competency judged."""
    version = make_framework_version(
        title="Exit qualifications bakery", areas=areas, competencies=competencies, indicators=indicators
    )
    plan = make_assessment_plan(placement, version=version)
    fields.setdefault("strengths", "Punctual and precise.")
    fields.setdefault("development_points", "Plan the oven schedule ahead.")
    fields.setdefault("learner_response", "I agree and will practise planning.")
    fields.setdefault("overall_remarks", "A good first half of the placement.")
    fields.setdefault("overall_level", version.levels.get(value=2))
    record = make_record(placement, plan=plan, assessed_on=assessed_on, **fields)
    if remarks:
        Rating.objects.filter(record=record).update(remarks=remarks)
    levels = list(version.levels.order_by("value"))
    for n, competency in enumerate(Competency.objects.filter(area__version=version).order_by("code")):
        CompetencyJudgement.objects.create(
            record=record,
            competency=competency,
            level=levels[(n + 1) % len(levels)],
            remarks=f"Judgement remark {competency.code}.",
        )
    return record
