from .agreements import AgreementSettings, AgreementSignature, PlacementAgreement
from .frameworks import Area, Competency, Framework, FrameworkVersion, Indicator, RatingLevel
from .growth import DevelopmentGoal, DevelopmentPlan, FeedbackRequest, SelfAssessment
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
    "DevelopmentGoal",
    "DevelopmentPlan",
    "Evidence",
    "FeedbackRequest",
    "Framework",
    "FrameworkVersion",
    "Indicator",
    "Method",
    "PlacementAgreement",
    "Rating",
    "RatingLevel",
    "SelfAssessment",
    "Signature",
]
