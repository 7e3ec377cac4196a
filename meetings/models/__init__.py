from .meetings import Meeting, MeetingChange, Participant
from .minutes import GoalProgress, Minutes, MinutesConfirmation
from .reminders import MeetingSettings, PlacementAlert, ReminderLog

__all__ = [
    "GoalProgress",
    "Meeting",
    "MeetingChange",
    "MeetingSettings",
    "Minutes",
    "MinutesConfirmation",
    "Participant",
    "PlacementAlert",
    "ReminderLog",
]
