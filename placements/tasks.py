"""Celery's autodiscovery imports `<app>.tasks`; the placements' tasks live in modules per feature."""

from .selection.tasks import send_selection_decision  # noqa: F401
