"""Reads for a learner's development over time: their signed assessments and the average rating per competency."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Avg

from accounts.models import User
from mentoring.selectors import can_view_coaching
from placements.models import Placement

from ..models import AssessmentRecord, Competency, Rating, RatingLevel

LOCKED = AssessmentRecord.LOCKED_STATUSES


@dataclass
class Line:
    """One competency across the records: its average rating value per record (None where it was not rated)."""

    label: str
    values: list[float | None] = field(default_factory=list)


@dataclass
class Development:
    records: list[AssessmentRecord]
    lines: list[Line]
    scale: list[tuple[int, str]]  # (value, words) of the rating levels, lowest first

    @property
    def dates(self) -> list[date]:
        return [record.assessed_on for record in self.records]

    def rows(self) -> list[tuple[AssessmentRecord, list[float | None]]]:
        """Per record, the averages in the order of the lines: the chart's figures as a table."""
        return [(record, [line.values[index] for line in self.lines]) for index, record in enumerate(self.records)]


def visible_placements_of_learner(viewer: User, learner_id: int) -> list[Placement]:
    """The learner's placements whose coaching (and so assessments) `viewer` may see; roles are read once."""
    return [
        placement
        for placement in Placement.objects.filter(learner_id=learner_id).order_by("start_date", "pk")
        if can_view_coaching(viewer, placement)
    ]


def current_signed_records(placement_ids: list[int], learner_id: int) -> list[AssessmentRecord]:
    """Signed records, oldest first; of an amended record only the latest locked version counts.

    A locked record whose amendment is locked too has been replaced; an amendment still in draft or
    waiting for signatures leaves the signed version standing.
    """
    return list(
        AssessmentRecord.objects.filter(placement_id__in=placement_ids, subject_id=learner_id, status__in=LOCKED)
        .exclude(amendment__status__in=LOCKED)
        .select_related("placement__company", "framework_version__framework")
        .order_by("assessed_on", "pk")
    )


def _line_key(competency: Competency) -> tuple:
    """Versions of one framework copy their competencies: the same code (or title) is the same competency."""
    framework_id = competency.area.version.framework_id
    if competency.code:
        return (framework_id, competency.code)
    return (framework_id, competency.title_en, competency.title_nl)


def _scale(version_ids: set[int]) -> list[tuple[int, str]]:
    """Every value used by the records' scales, named as the newest version names it."""
    words: dict[int, str] = {}
    for level in RatingLevel.objects.filter(version_id__in=version_ids).order_by("version__number", "version_id"):
        words[level.value] = level.title
    return sorted(words.items())


def development_of(viewer: User, placement: Placement) -> Development:
    """The placement's learner's signed assessments in every placement `viewer` may see; a fixed number of queries."""
    learner_id = placement.learner_id
    placement_ids = [visible.pk for visible in visible_placements_of_learner(viewer, learner_id)]
    records = current_signed_records(placement_ids, learner_id)
    averages = (
        Rating.objects.filter(record__in=[record.pk for record in records], level__isnull=False)
        .values("record_id", "indicator__competency_id")
        .annotate(average=Avg("level__value"))
        .order_by()
    )
    by_competency: dict[int, dict[int, float]] = {}
    for row in averages:
        by_competency.setdefault(row["indicator__competency_id"], {})[row["record_id"]] = float(row["average"])
    competencies = Competency.objects.filter(pk__in=by_competency).select_related("area__version")
    competencies = sorted(competencies, key=lambda c: (c.area.position, c.area_id, c.position, c.pk))
    lines: dict[tuple, Line] = {}
    for competency in competencies:
        key = _line_key(competency)
        line = lines.setdefault(key, Line(competency.label, [None] * len(records)))
        for index, record in enumerate(records):
            value = by_competency[competency.pk].get(record.pk)
            if value is not None:
                line.values[index] = value
    return Development(
        records=records,
        lines=list(lines.values()),
        scale=_scale({record.framework_version_id for record in records}),
    )
