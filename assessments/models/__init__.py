from .agreements import AgreementSettings, AgreementSignature, PlacementAgreement
from .frameworks import Area, Competency, Framework, FrameworkVersion, Indicator, RatingLevel
from .plans import AssessmentMoment, AssessmentPlan, Assessors, Evidence, Method
from .records import AssessmentRecord, CompetencyJudgement, Rating, Signature

__all__ = [
    "AgreementSettings",
    "AgreementSignature",
    "Area",
    "AssessmentMoment",
    "AssessmentPlan",
    "AssessmentRecord",
    "Assessors",
    "Competency",
    "CompetencyJudgement",
    "Evidence",
    "Framework",
    "FrameworkVersion",
    "Indicator",
    "Method",
    "PlacementAgreement",
    "Rating",
    "RatingLevel",
    "Signature",
]
