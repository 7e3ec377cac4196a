from .meetings import Meeting, MeetingChange, Participant
from .minutes import GoalProgress, Minutes, MinutesConfirmation
from .notifications import Notification
from .reminders import MeetingSettings, PlacementAlert, ReminderLog

__all__ = [
    "GoalProgress",
    "Meeting",
    "MeetingChange",
    "MeetingSettings",
    "Minutes",
    "MinutesConfirmation",
    "Notification",
    "Participant",
    "PlacementAlert",
    "ReminderLog",
]
