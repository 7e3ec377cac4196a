"""The assessment record as a PDF download, for everyone who may see the record."""

from django.contrib.auth.decorators import login_required
from django.views.decorators.http import require_GET

from core.http import pdf_response

from ..selectors import record_for_user
from .pdf import record_pdf_filename, render_record_pdf


@login_required
@require_GET
def assessment_pdf(request, pk):
    record = record_for_user(request.user, pk)
    return pdf_response(render_record_pdf(record), record_pdf_filename(record), inline=False)
