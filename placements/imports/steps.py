"""The steps of an import, each on its own: keep the upload, save the columns, plan every row (the dry run), and
write the plan in one transaction or nothing at all. services.py decides whether a step runs in the request or
in the background job (job.py), which runs the same steps.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import School, User

from ..models import ImportBatch, ImportKind, ImportMapping
from .cleanup import REMOVED
from .columns import column_titles, guess_columns, targets
from .learner_apply import apply_learners
from .learner_plan import plan_learners
from .outcomes import OUTCOMES, Plan
from .placement_apply import apply_placements
from .placement_plan import plan_placements
from .reading import Table, UnreadableFile, read_table

Status = ImportBatch.Status
PLANNERS = {ImportKind.LEARNERS: plan_learners, ImportKind.PLACEMENTS: plan_placements}


class ImportRefused(Exception):
    """Applying found a row in error: nothing was written. `plan` holds every row's outcome."""

    def __init__(self, plan: Plan):
        super().__init__("refused")
        self.plan = plan


def refusal_message(plan: Plan) -> str:
    first = plan.first_error()
    errors = plan.counts()["error"]
    return _("Nothing was imported: %(count)d row(s) have an error. The first is row %(row)d: %(reason)s") % {
        "count": errors,
        "row": first.row,
        "reason": first.message,
    }


def upload(*, school: School, kind: str, filename: str, data: bytes, by: User) -> ImportBatch:
    """Keep the file and guess its columns (as the school mapped them last time, else by their titles)."""
    table = read_table(filename, data)
    if not table.rows:
        raise UnreadableFile(_("The file has column titles but no rows."))
    remembered = ImportMapping.objects.filter(school=school, kind=kind).values_list("columns", flat=True).first()
    return ImportBatch.objects.create(
        school=school,
        kind=kind,
        uploaded_by=by,
        filename=filename[:255],
        content=data,
        headers=table.headers,
        columns=guess_columns(kind, table.headers, remembered=remembered),
        total=len(table.rows),
    )


def table_of(batch: ImportBatch) -> Table:
    return read_table(batch.filename, bytes(batch.content))


def plan_batch(
    batch: ImportBatch, *, table: Table | None = None, progress: Callable[[int], None] | None = None
) -> Plan:
    table = table or table_of(batch)
    return PLANNERS[ImportKind(batch.kind)](batch.school, table.rows, batch.columns, progress=progress)


def require_editable(batch: ImportBatch) -> None:
    if batch.is_running and not batch.is_stalled():
        raise ValidationError(_("This import is being checked or applied; wait until it has finished."))
    if batch.status == Status.APPLIED:
        raise ValidationError(_("This file has been imported already; upload it again to import it once more."))
    if not batch.content:  # removed by cleanup.py: not imported in time
        raise ValidationError(_(REMOVED))


@transaction.atomic
def columns_save(batch: ImportBatch, columns: dict[str, int | None]) -> ImportBatch:
    """Use this mapping for the file, and remember it (by column title) for the school's next export."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    require_editable(batch)
    batch.columns = {target.name: columns.get(target.name) for target in targets(batch.kind)}
    batch.status = Status.UPLOADED
    batch.results, batch.error = [], ""
    batch.processed = batch.created = batch.updated = batch.unchanged = batch.errors = 0
    batch.save()
    ImportMapping.objects.update_or_create(
        school_id=batch.school_id, kind=batch.kind, defaults={"columns": column_titles(batch.columns, batch.headers)}
    )
    return batch


def record_plan(batch: ImportBatch, plan: Plan, status: str, *, error: str = "") -> None:
    counts = plan.counts()
    batch.results = [result.as_list() for result in plan.results]
    batch.created, batch.updated, batch.unchanged, batch.errors = (counts[outcome] for outcome in OUTCOMES)
    batch.processed = batch.total = len(plan.results)
    batch.status, batch.error = status, error
    batch.finished_at = timezone.now()
    if status == Status.APPLIED:
        batch.content = b""  # imported: the export's personal data need not be kept twice (results stay)
    batch.save()


def check_now(batch: ImportBatch, *, progress=None) -> Plan:
    plan = plan_batch(batch, progress=progress)
    record_plan(batch, plan, Status.CHECKED)
    return plan


def write_plan(batch: ImportBatch, plan: Plan) -> None:
    if batch.kind == ImportKind.LEARNERS:
        apply_learners(plan, school=batch.school, by=batch.uploaded_by, send_invitations=batch.send_invitations)
    else:
        apply_placements(plan, school=batch.school, by=batch.uploaded_by, send_invitations=batch.send_invitations)


def apply_now(batch: ImportBatch, *, table: Table | None = None) -> Plan:
    """Check every row again and write them all, or (ImportRefused) nothing at all."""
    try:
        with transaction.atomic():
            # One import per school at a time: a second one plans against what the first has written.
            School.objects.select_for_update().filter(pk=batch.school_id).first()
            plan = plan_batch(batch, table=table)
            if plan.has_errors:
                raise ImportRefused(plan)
            write_plan(batch, plan)
            record_plan(batch, plan, Status.APPLIED)
    except ImportRefused as refused:
        record_plan(batch, refused.plan, Status.CHECKED, error=refusal_message(refused.plan))
        raise
    return plan
