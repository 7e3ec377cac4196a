"""The induction plan of a placement as a PDF: WeasyPrint renders templates/pdf/induction.html.

The renderer, fonts and page footer are shared with the other documents (core/documents.py).
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.documents import DocumentKind, document_language

from ..models import InductionChecklist, Placement
from .selectors import checklist_items, dress_item, grouped_by_section, progress_of

INDUCTION_PLAN = DocumentKind("document.css", "induction.css")


def induction_html(placement: Placement, checklist: InductionChecklist, *, language: str) -> str:
    """The plan's HTML in `language`; tests read it to see what the PDF is made of."""
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        today = timezone.localdate()
        items = [dress_item(item, placement, today) for item in checklist_items(checklist)]
        return render_to_string(
            "pdf/induction.html",
            {
                "language": language,
                "placement": placement,
                "groups": grouped_by_section(items),
                "progress": progress_of(items),
                "printed_at": timezone.now(),
            },
        )


def induction_pdf(placement: Placement, checklist: InductionChecklist, *, language: str | None = None) -> bytes:
    language = language or document_language()
    html = induction_html(placement, checklist, language=language)
    return INDUCTION_PLAN.write_pdf(html, language=language, footer=placement.learner.get_full_name())


def induction_pdf_filename(placement: Placement) -> str:
    return f"{slugify(_('induction plan'))}-{slugify(placement.learner.get_full_name())}.pdf"
