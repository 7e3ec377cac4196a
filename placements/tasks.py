"""Celery's autodiscovery imports `<app>.tasks`; the placements' tasks live in modules per feature."""

from .tasks_selection import send_selection_decision  # noqa: F401
