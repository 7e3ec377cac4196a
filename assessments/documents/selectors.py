"""What the printed assessment record shows: its ratings grouped by area and competency, and its signatures."""

from dataclasses import dataclass, field

from ..models import Area, AssessmentRecord, Competency, CompetencyJudgement, Rating, Signature


@dataclass
class CompetencyBlock:
    competency: Competency
    ratings: list[Rating] = field(default_factory=list)
    judgement: CompetencyJudgement | None = None


@dataclass
class AreaBlock:
    area: Area
    competencies: list[CompetencyBlock] = field(default_factory=list)


def _position(competency: Competency) -> tuple:
    return (competency.area.position, competency.area_id, competency.position, competency.pk)


def record_sections(record: AssessmentRecord) -> list[AreaBlock]:
    """Areas → competencies → ratings in the framework's order, each competency with its judgement; two queries.

    A competency shows when it has a rating or a judgement: the record holds exactly what was assessed.
    """
    # Sorted here rather than by the database: ordering on the joined framework columns costs more to compile than it
    # saves, for the few dozen rows of one record.
    ratings = Rating.objects.filter(record=record).select_related("indicator__competency__area", "level")
    judgements = CompetencyJudgement.objects.filter(record=record).select_related("competency__area", "level")
    blocks: dict[int, CompetencyBlock] = {}
    for rating in ratings:
        competency = rating.indicator.competency
        blocks.setdefault(competency.pk, CompetencyBlock(competency)).ratings.append(rating)
    for judgement in judgements:
        blocks.setdefault(judgement.competency_id, CompetencyBlock(judgement.competency)).judgement = judgement
    areas: dict[int, AreaBlock] = {}
    for block in sorted(blocks.values(), key=lambda block: _position(block.competency)):
        area = block.competency.area
        areas.setdefault(area.pk, AreaBlock(area)).competencies.append(block)
        block.ratings.sort(key=lambda rating: (rating.indicator.position, rating.indicator_id))
    return list(areas.values())


def signatures_of(record: AssessmentRecord) -> list[Signature]:
    return list(record.signatures.order_by("role", "pk"))
