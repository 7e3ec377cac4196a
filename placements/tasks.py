"""Celery's autodiscovery imports `<app>.tasks`; the placements' tasks live in modules per feature."""

from .imports.cleanup_tasks import clean_up_import_uploads, queue_upload_cleanup  # noqa: F401
from .imports.tasks import run_sis_import  # noqa: F401
from .selection.tasks import send_selection_decision  # noqa: F401
