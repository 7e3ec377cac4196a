"""Celery's autodiscovery imports this module; the tasks live in oversight/health/tasks.py."""

from .health.tasks import refresh_all, refresh_stale

__all__ = ["refresh_all", "refresh_stale"]
