"""The import's pages: upload, map the columns, the dry run's outcome per row, import, progress and result file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.spreadsheet import csv_response
from core.views import require

from ..models import ImportBatch
from .forms import ApplyForm, ColumnsForm, UploadForm
from .outcomes import ERROR, OUTCOME_LABELS
from .reading import UnreadableFile
from .selectors import can_manage_learners, import_batch_for_user, import_batches_for, importing_schools
from .services import BACKGROUND_ROWS, apply, dry_run
from .steps import ImportRefused, columns_save, upload

SHOWN_ROWS = 1000  # a page with more rows is slow to read; the result file has them all
Status = ImportBatch.Status


def _only_coordinators() -> str:
    return _("Only the school's coordinators import learners and placements.")


def _managed_batch(request, public_id) -> ImportBatch:
    batch = import_batch_for_user(request.user, public_id)
    require(can_manage_learners(request.user, batch.school_id), _only_coordinators())
    return batch


@login_required
@require_http_methods(["GET", "POST"])
def sis_import_upload(request):
    require(can_manage_learners(request.user), _only_coordinators())
    form = UploadForm(request.POST or None, request.FILES or None, schools=importing_schools(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            batch = upload(
                school=form.cleaned_data["school"],
                kind=form.cleaned_data["kind"],
                filename=form.cleaned_data["file"].name,
                data=form.data_bytes,
                by=request.user,
            )
        except UnreadableFile as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("sis_import_map", public_id=batch.public_id)
    recent = import_batches_for(request.user).defer("results")[:10]
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "placements/imports/upload.html",
        {"form": form, "recent": recent, "background_rows": BACKGROUND_ROWS},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def sis_import_map(request, public_id):
    batch = _managed_batch(request, public_id)
    if batch.status == Status.APPLIED:
        return redirect("sis_import_detail", public_id=batch.public_id)
    form = ColumnsForm(request.POST or None, batch=batch)
    if request.method == "POST" and form.is_valid():
        try:
            batch = columns_save(batch, form.columns())
            batch = dry_run(batch)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("sis_import_detail", public_id=batch.public_id)
    status = 400 if request.method == "POST" else 200
    return render(request, "placements/imports/map.html", {"batch": batch, "form": form}, status=status)


def _detail_context(batch: ImportBatch) -> dict:
    rows = sorted(batch.results, key=lambda result: (result[1] != ERROR, result[0]))
    return {
        "batch": batch,
        "running": batch.is_running,
        "stalled": batch.is_stalled(),
        "rows": [
            {
                "row": row,
                "outcome": outcome,
                "label": OUTCOME_LABELS.get(outcome, outcome),
                "what": what,
                "message": msg,
            }
            for row, outcome, what, msg in rows[:SHOWN_ROWS]
        ],
        "hidden_rows": max(0, len(rows) - SHOWN_ROWS),
        "can_apply": batch.status == Status.CHECKED and not batch.has_errors and batch.total > 0,
        "apply_form": ApplyForm(kind=batch.kind),
    }


@login_required
@require_GET
def sis_import_detail(request, public_id):
    batch = _managed_batch(request, public_id)
    return render(request, "placements/imports/detail.html", _detail_context(batch))


@login_required
@require_GET
def sis_import_progress(request, public_id):
    """The progress block alone, for htmx every two seconds; once the run has ended, the whole page reloads."""
    batch = _managed_batch(request, public_id)
    response = render(request, "placements/imports/_progress.html", _detail_context(batch))
    if not batch.is_running:
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def sis_import_apply(request, public_id):
    batch = _managed_batch(request, public_id)
    form = ApplyForm(request.POST, kind=batch.kind)
    send = form.is_valid() and form.cleaned_data["send_invitations"]
    try:
        batch = apply(batch, send_invitations=send)
    except ImportRefused:
        batch.refresh_from_db()
        messages.error(request, batch.error)
        return redirect("sis_import_detail", public_id=batch.public_id)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("sis_import_detail", public_id=batch.public_id)
    if batch.status == Status.APPLIED:
        messages.success(
            request,
            _("The file has been imported: %(created)d new, %(updated)d updated, %(unchanged)d unchanged.")
            % {"created": batch.created, "updated": batch.updated, "unchanged": batch.unchanged},
        )
    return redirect("sis_import_detail", public_id=batch.public_id)


@login_required
@require_GET
def sis_import_result(request, public_id):
    """Every row's outcome as a CSV file: the row number, the outcome, who or what, and why."""
    batch = _managed_batch(request, public_id)
    rows = (
        [row, str(OUTCOME_LABELS.get(outcome, outcome)), what, message] for row, outcome, what, message in batch.results
    )
    header = [_("Row"), _("Outcome"), _("Learner or placement"), _("Details")]
    return csv_response(f"import-{batch.public_id}", header, rows)
