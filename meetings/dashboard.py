"""Meetings on the dashboard: what is coming and what waits for an answer. One query per list."""

from accounts.models import User

from .minutes.selectors import minutes_waiting_for, minutes_waiting_on_others
from .planning.selectors import invitations_waiting_for, upcoming_meetings_for

LIMIT = 10


def meetings_todo(user: User) -> dict:
    todo = {
        "upcoming": list(upcoming_meetings_for(user)[:LIMIT]),
        "invitations": list(invitations_waiting_for(user)[:LIMIT]),
        "minutes_to_confirm": minutes_waiting_for(user).count(),
        "minutes_on_others": len(minutes_waiting_on_others(user)),
    }
    todo["any"] = any(todo.values())
    return todo
