"""When a rule is due for one placement or course: pure date arithmetic, no database."""

from datetime import date, timedelta

# A moment that passed longer ago than this is not sent any more (a rule added late, a placement entered late):
# a survey about something long over helps no one.
LATE_WINDOW = timedelta(days=30)


def due_on(moment: str, days: int, *, start: date | None = None, end: date | None = None) -> date | None:
    """The day a rule with `moment` and `days` asks its questions, for a placement (start, end) or a course (end)."""
    if end is None:
        return None
    if moment == "halfway":
        return None if start is None else start + (end - start) / 2
    if moment == "before_end":
        return end - timedelta(days=days)
    if moment in ("after_end", "after_course"):
        return end + timedelta(days=days)
    return None


def is_due(due: date | None, today: date) -> bool:
    return due is not None and due <= today < due + LATE_WINDOW


def term_of(day: date) -> str:
    """The half year a day falls in: "2026-1" (January–June) or "2026-2"."""
    return f"{day.year}-{1 if day.month <= 6 else 2}"
