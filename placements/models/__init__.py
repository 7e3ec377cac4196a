from .induction import (
    SECTIONS_LEARNER_CONFIRMS,
    InductionChecklist,
    InductionItem,
    InductionTemplate,
    InductionTemplateItem,
    Section,
)
from .intake import CandidatePreparation, Intake, WorkplaceAnalysis
from .placements import Placement, PlacementQuerySet, Programme
from .recruitment import (
    SCORE_MAX,
    SCORE_MIN,
    Candidate,
    CandidateProfile,
    CriterionScore,
    Opening,
    ScoreSheet,
    SelectionCriterion,
)

__all__ = [
    "SCORE_MAX",
    "SCORE_MIN",
    "SECTIONS_LEARNER_CONFIRMS",
    "Candidate",
    "CandidatePreparation",
    "CandidateProfile",
    "CriterionScore",
    "InductionChecklist",
    "InductionItem",
    "InductionTemplate",
    "InductionTemplateItem",
    "Intake",
    "Opening",
    "Placement",
    "PlacementQuerySet",
    "Programme",
    "ScoreSheet",
    "Section",
    "SelectionCriterion",
    "WorkplaceAnalysis",
]
from .learners import ImportBatch, ImportKind, ImportMapping, LearnerRecord  # noqa: E402,F401
