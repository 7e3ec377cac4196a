"""Reading assessment records: what a record rates, its rating sheet, its versions, and who may change it.

A record's indicators are fixed when it is started (its Rating rows, on the framework version it was made
with), so later changes to the assessment plan or a newly published framework version never change it.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from accounts.models import User
from placements.models import Placement

from ..models import (
    AssessmentMoment,
    AssessmentPlan,
    AssessmentRecord,
    Competency,
    CompetencyJudgement,
    Evidence,
    Indicator,
    Rating,
    RatingLevel,
)
from ..selectors import can_assess, can_assess_course_participant

INDICATOR_ORDER = ("competency__area__position", "competency__position", "position", "pk")


def indicators_to_rate(record: AssessmentRecord) -> QuerySet[Indicator]:
    """The plan's chosen indicators for a placement record; every indicator of the version for a course record."""
    indicators = Indicator.objects.filter(competency__area__version_id=record.framework_version_id)
    if record.placement_id is not None:
        indicators = indicators.filter(plans__placement_id=record.placement_id)
    return indicators.select_related("competency__area").order_by(*INDICATOR_ORDER)


def can_assess_record(user: User, record: AssessmentRecord) -> bool:
    """The record's assessors, whatever its status (can_edit_record adds: only while it is a draft)."""
    if record.placement_id is not None:
        return can_assess(user, record.placement, record.moment)
    return can_assess_course_participant(user, record.enrolment)


def may_delete_drafts_of(user: User, record: AssessmentRecord) -> bool:
    """Whoever started the record, or one of its assessors, may throw away its draft."""
    return user.pk == record.created_by_id or can_assess_record(user, record)


def can_delete_record(user: User, record: AssessmentRecord) -> bool:
    return record.is_editable and may_delete_drafts_of(user, record)


def can_amend_record(user: User, record: AssessmentRecord) -> bool:
    return record.status == AssessmentRecord.Status.SIGNED and can_assess_record(user, record)


def change_refusal(record: AssessmentRecord) -> str | None:
    """Why the record cannot be changed any more; None while it is a draft."""
    if record.status == AssessmentRecord.Status.AWAITING:
        return _("This assessment is waiting for signatures and cannot be changed now.")
    if record.status == AssessmentRecord.Status.AMENDED:
        return _("This assessment has been replaced by an amendment; it stays as it was signed.")
    if record.status != AssessmentRecord.Status.DRAFT or record.locked_at is not None:
        return _("This assessment is signed and locked; make an amendment to correct it.")
    return None


def amend_refusal(record: AssessmentRecord) -> str | None:
    if record.status == AssessmentRecord.Status.AMENDED:
        return _("This assessment has already been amended; amend the newest version instead.")
    if record.status != AssessmentRecord.Status.SIGNED:
        return _("Only a signed assessment is amended; a draft is simply edited.")
    return None


# --- The rating sheet: indicators grouped by competency, with the record's ratings and judgements -------


@dataclass
class Row:
    indicator: Indicator
    rating: Rating | None = None
    evidence: list[str] = field(default_factory=list)


@dataclass
class Section:
    competency: Competency
    judgement: CompetencyJudgement | None = None
    rows: list[Row] = field(default_factory=list)

    @property
    def rating_summary(self) -> list[tuple[str, int]]:
        """How often each level was given to the competency's indicators, lowest level first: what the record
        says about a competency that has no judgement of its own."""
        counts: dict[int, list] = {}
        for row in self.rows:
            level = row.rating.level if row.rating is not None else None
            if level is not None:
                counts.setdefault(level.pk, [level, 0])[1] += 1
        return [(level.title, count) for level, count in sorted(counts.values(), key=lambda item: item[0].value)]


@dataclass
class Sheet:
    sections: list[Section]

    @property
    def rows(self) -> list[Row]:
        return [row for section in self.sections for row in section.rows]


def _rows(record: AssessmentRecord) -> list[Row]:
    ratings = list(
        Rating.objects.filter(record=record)
        .select_related("indicator__competency__area", "level")
        .order_by(*(f"indicator__{name}" for name in INDICATOR_ORDER))
    )
    if ratings:
        return [Row(indicator=rating.indicator, rating=rating) for rating in ratings]
    # A record started elsewhere without rating rows (for example in a course): rate what it should rate.
    return [Row(indicator=indicator) for indicator in indicators_to_rate(record)]


def rating_sheet(record: AssessmentRecord, *, with_evidence: bool = False) -> Sheet:
    """Everything the record's pages show per indicator and competency, in a fixed number of queries."""
    sections: dict[int, Section] = {}
    for row in _rows(record):
        competency = row.indicator.competency
        sections.setdefault(competency.pk, Section(competency=competency)).rows.append(row)
    for judgement in CompetencyJudgement.objects.filter(record=record, competency_id__in=sections).select_related(
        "level"
    ):
        sections[judgement.competency_id].judgement = judgement
    sheet = Sheet(sections=list(sections.values()))
    if with_evidence and record.placement_id is not None:
        titles = evidence_titles(record.placement_id, [row.indicator.pk for row in sheet.rows])
        for row in sheet.rows:
            row.evidence = titles.get(row.indicator.pk, [])
    return sheet


def rating_levels(record: AssessmentRecord) -> list[RatingLevel]:
    """The scale of the record's own framework version: the only levels its ratings may have."""
    return list(RatingLevel.objects.filter(version_id=record.framework_version_id))


def evidence_titles(placement_id: int, indicator_ids: list[int]) -> dict[int, list[str]]:
    """Titles of the placement's evidence tagged with each indicator, newest first."""
    tags = (
        Evidence.indicators.through.objects.filter(evidence__placement_id=placement_id, indicator_id__in=indicator_ids)
        .order_by("-evidence__added_at", "-evidence_id")
        .values_list("indicator_id", "evidence__title")
    )
    titles: dict[int, list[str]] = {}
    for indicator_id, title in tags:
        titles.setdefault(indicator_id, []).append(title)
    return titles


# --- Versions: a signed record and its amendments form a chain -------------------------------------------


def _chains(records: list[AssessmentRecord]) -> list[list[AssessmentRecord]]:
    """Group records into amendment chains, each oldest version first, in the order of the chains' first versions."""
    amended_by = {record.amends_id: record for record in records if record.amends_id is not None}
    loaded = {record.pk for record in records}
    chains = []
    for record in records:
        if record.amends_id in loaded:
            continue  # a later version: its chain starts at the record it amends
        chain = [record]
        while chain[-1].pk in amended_by:
            chain.append(amended_by[chain[-1].pk])
        chains.append(chain)
    return chains


def versions_of(record: AssessmentRecord) -> list[AssessmentRecord]:
    """Every version of the record's chain, oldest first (the record itself included)."""
    siblings = list(
        AssessmentRecord.objects.filter(
            placement_id=record.placement_id, enrolment_id=record.enrolment_id, subject_id=record.subject_id
        )
        .only("pk", "version", "status", "amends_id", "amendment_reason", "title", "assessed_on", "created_at")
        .order_by("version", "pk")
    )
    for chain in _chains(siblings):
        if any(version.pk == record.pk for version in chain):
            return chain
    return [record]


@dataclass
class RecordChain:
    latest: AssessmentRecord
    history: list[AssessmentRecord]  # earlier versions, newest first


@dataclass
class PlannedMoment:
    moment: AssessmentMoment
    can_start: bool


def placement_record_chains(placement: Placement) -> list[RecordChain]:
    """The placement's records, each chain once with its latest version first, newest chain first."""
    records = list(
        AssessmentRecord.objects.filter(placement=placement)
        .select_related("moment", "overall_level", "framework_version__framework")
        .order_by("version", "pk")
    )
    chains = [RecordChain(latest=chain[-1], history=chain[-2::-1]) for chain in _chains(records)]
    chains.sort(key=lambda chain: (chain.latest.assessed_on, chain.latest.pk), reverse=True)
    return chains


def moments_without_record(
    user: User, placement: Placement, plan: AssessmentPlan, chains: list[RecordChain]
) -> list[PlannedMoment]:
    """The plan's moments that nobody has started an assessment for yet, and whether `user` may start one."""
    started = {version.moment_id for chain in chains for version in [chain.latest, *chain.history]}
    return [
        PlannedMoment(moment=moment, can_start=can_assess(user, placement, moment))
        for moment in plan.moments.all()
        if moment.pk not in started
    ]
