from .agreements import MentoringAgreement
from .critical import CriticalSituation
from .development import DevelopmentActivity
from .hours import HoursEntry
from .obstacles import Incident, Obstacle
from .plans import CoachingPlan, LearningGoal, Milestone, PlanVersion
from .schedule import PlannedSession
from .sessions import ActionItem, CoachingSession, PrivateNote, SessionAttachment

__all__ = [
    "ActionItem",
    "CoachingPlan",
    "CoachingSession",
    "CriticalSituation",
    "DevelopmentActivity",
    "HoursEntry",
    "Incident",
    "LearningGoal",
    "MentoringAgreement",
    "Milestone",
    "Obstacle",
    "PlanVersion",
    "PlannedSession",
    "PrivateNote",
    "SessionAttachment",
]
