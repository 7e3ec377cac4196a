"""Celery's autodiscovery imports this module; the tasks live in oversight/health/tasks.py and oversight/digest/."""

from .digest.schedule import queue_weekly
from .digest.tasks import send_weekly
from .health.tasks import refresh_all, refresh_stale

__all__ = ["queue_weekly", "refresh_all", "refresh_stale", "send_weekly"]
