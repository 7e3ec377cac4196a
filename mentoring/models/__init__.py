from .agreements import MentoringAgreement
from .development import DevelopmentActivity
from .hours import HoursEntry
from .obstacles import Incident, Obstacle
from .plans import CoachingPlan, LearningGoal, Milestone, PlanVersion
from .sessions import ActionItem, CoachingSession, PrivateNote, SessionAttachment

__all__ = [
    "ActionItem",
    "CoachingPlan",
    "CoachingSession",
    "DevelopmentActivity",
    "HoursEntry",
    "Incident",
    "LearningGoal",
    "MentoringAgreement",
    "Milestone",
    "Obstacle",
    "PlanVersion",
    "PrivateNote",
    "SessionAttachment",
]
