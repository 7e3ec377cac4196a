from .closeout import EmployerReview, PlacementCloseout, ReferenceLetter
from .distribution import DistributionRule, FeedbackSettings, SurveyInvitation
from .questionnaires import Audience, Purpose, Question, Questionnaire, QuestionnaireVersion, VersionLocked
from .responses import Answer, Response

__all__ = [
    "Answer",
    "Audience",
    "DistributionRule",
    "EmployerReview",
    "FeedbackSettings",
    "PlacementCloseout",
    "Purpose",
    "Question",
    "Questionnaire",
    "QuestionnaireVersion",
    "ReferenceLetter",
    "Response",
    "SurveyInvitation",
    "VersionLocked",
]
