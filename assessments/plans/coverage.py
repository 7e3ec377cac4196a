"""The coverage map of an assessment plan: per planned competency, is there evidence and is it signed off?

A competency is signed off when the placement's latest signed record rates every planned indicator of it
with a level; it has evidence when anything of the placement is tagged with one of its planned indicators.
The whole map takes the same handful of queries however big the plan is.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from mentoring.models import LearningGoal

from ..models import Area, AssessmentPlan, AssessmentRecord, Competency, Evidence, Indicator, Rating


class Status(StrEnum):
    NONE = "none"
    EVIDENCE = "evidence"
    SIGNED = "signed"

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self])


STATUS_LABELS = {
    Status.NONE: _("No evidence yet"),
    Status.EVIDENCE: _("Evidence, not signed off yet"),
    Status.SIGNED: _("Signed off"),
}


@dataclass
class IndicatorCoverage:
    indicator: Indicator
    evidence_count: int
    signed_off: bool


@dataclass
class CompetencyCoverage:
    competency: Competency
    indicators: list[IndicatorCoverage] = field(default_factory=list)
    evidence_count: int = 0
    goals: list[LearningGoal] = field(default_factory=list)

    @property
    def status(self) -> Status:
        if all(row.signed_off for row in self.indicators):
            return Status.SIGNED
        return Status.EVIDENCE if self.evidence_count else Status.NONE


@dataclass
class AreaCoverage:
    area: Area
    competencies: list[CompetencyCoverage] = field(default_factory=list)


@dataclass
class Coverage:
    areas: list[AreaCoverage]
    signed_record: AssessmentRecord | None

    @property
    def competencies(self) -> list[CompetencyCoverage]:
        return [row for area in self.areas for row in area.competencies]

    @property
    def indicator_count(self) -> int:
        return sum(len(row.indicators) for row in self.competencies)

    def totals(self) -> list[tuple[Status, int]]:
        counts = dict.fromkeys(Status, 0)
        for row in self.competencies:
            counts[row.status] += 1
        return list(counts.items())


def latest_signed_record(placement_id: int) -> AssessmentRecord | None:
    return (
        AssessmentRecord.objects.filter(placement_id=placement_id, status=AssessmentRecord.Status.SIGNED)
        .order_by("-assessed_on", "-pk")
        .first()
    )


def plan_coverage(plan: AssessmentPlan) -> Coverage:
    indicators = list(plan.indicators.select_related("competency__area"))
    indicator_ids = [indicator.pk for indicator in indicators]
    tags = Evidence.indicators.through.objects.filter(
        evidence__placement_id=plan.placement_id, indicator_id__in=indicator_ids
    )
    per_indicator = dict(
        tags.values("indicator_id").annotate(total=Count("evidence_id")).values_list("indicator_id", "total")
    )
    # An item tagged with two indicators of one competency counts once for that competency.
    per_competency = dict(
        tags.values("indicator__competency_id")
        .annotate(total=Count("evidence_id", distinct=True))
        .values_list("indicator__competency_id", "total")
    )
    record = latest_signed_record(plan.placement_id)
    rated = set()
    if record is not None:
        rated = set(
            Rating.objects.filter(record=record, level__isnull=False, indicator_id__in=indicator_ids).values_list(
                "indicator_id", flat=True
            )
        )
    goals_by_competency: dict[int, list[LearningGoal]] = {}
    links = LearningGoal.competencies.through.objects.filter(
        learninggoal__plan__placement_id=plan.placement_id
    ).select_related("learninggoal")
    for link in links:
        goals_by_competency.setdefault(link.competency_id, []).append(link.learninggoal)

    areas: dict[int, AreaCoverage] = {}
    competencies: dict[int, CompetencyCoverage] = {}
    for indicator in indicators:
        competency = indicator.competency
        if competency.pk not in competencies:
            area = areas.setdefault(competency.area_id, AreaCoverage(area=competency.area))
            row = CompetencyCoverage(
                competency=competency,
                evidence_count=per_competency.get(competency.pk, 0),
                goals=goals_by_competency.get(competency.pk, []),
            )
            competencies[competency.pk] = row
            area.competencies.append(row)
        competencies[competency.pk].indicators.append(
            IndicatorCoverage(
                indicator=indicator,
                evidence_count=per_indicator.get(indicator.pk, 0),
                signed_off=indicator.pk in rated,
            )
        )
    return Coverage(areas=list(areas.values()), signed_record=record)
