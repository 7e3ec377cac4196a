"""The minutes of a tripartite meeting as a PDF: WeasyPrint renders templates/pdf/minutes.html.

The renderer, fonts and page footer are shared with the other documents (core/documents.py).
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.documents import DocumentKind, document_language

from ..models import Minutes
from .selectors import agreements_of, confirmation_rows

MINUTES = DocumentKind("document.css", "minutes.css")


def minutes_html(minutes: Minutes, *, language: str) -> str:
    """The minutes' HTML in `language`; tests read it to see what the PDF is made of."""
    meeting = minutes.meeting
    placement = meeting.placement
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        return render_to_string(
            "pdf/minutes.html",
            {
                "language": language,
                "minutes": minutes,
                "meeting": meeting,
                "placement": placement,
                "school_name": placement.school.name,
                "rows": confirmation_rows(meeting, minutes),
                "progress": list(minutes.goal_progress.all()),
                "agreements": list(agreements_of(meeting)),
                "printed_at": timezone.now(),
            },
        )


def minutes_pdf(minutes: Minutes, *, language: str | None = None) -> bytes:
    language = language or document_language()
    learner = minutes.meeting.placement.learner.get_full_name()  # in the footer: whose minutes a loose page holds
    return MINUTES.write_pdf(minutes_html(minutes, language=language), language=language, footer=learner)


def minutes_pdf_filename(minutes: Minutes) -> str:
    meeting = minutes.meeting
    day = timezone.localtime(meeting.starts_at).date()
    return f"{slugify(_('minutes'))}-{slugify(meeting.placement.learner.get_full_name())}-{day:%Y-%m-%d}.pdf"
