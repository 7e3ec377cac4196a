"""The thin Celery task of a large import; services queue it through the outbox."""

from celery import shared_task

from .job import import_run


@shared_task(name="placements.imports.run_sis_import")
def run_sis_import(batch_id: int) -> None:
    import_run(batch_id=batch_id)
