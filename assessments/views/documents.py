"""The assessment record as a PDF download, for everyone who may see the record."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.http import require_GET

from ..documents import record_pdf_filename, render_record_pdf
from ..selectors import record_for_user


@login_required
@require_GET
def assessment_pdf(request, pk):
    record = record_for_user(request.user, pk)
    response = HttpResponse(render_record_pdf(record), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{record_pdf_filename(record)}"'
    response["Cache-Control"] = "private, no-store"
    return response
