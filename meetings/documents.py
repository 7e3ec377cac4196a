"""The minutes of a tripartite meeting as a PDF: WeasyPrint renders templates/pdf/minutes.html.

The expensive set-up is the registry's, shared once per process (registry/documents.py): its font
configuration with the cut DejaVu faces ("Certificate Sans"), its local-only URL fetcher, and the lock that
guards them, since a FontConfiguration is not meant to be used by two threads at once. Only the minutes'
own stylesheet is parsed here, once, plus a one-line page footer per language ("page 2 of 3").
"""

import atexit
import threading
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from registry.documents import renderer

from .models import Minutes
from .selectors_minutes import agreements_of, confirmation_rows

STYLESHEET = Path(settings.BASE_DIR) / "templates" / "pdf" / "minutes.css"

_stylesheet = None
_stylesheet_lock = threading.Lock()


def _css_string(text: str) -> str:
    """`text` as a quoted CSS string; the spaces around the page counters are kept."""
    flat = "".join(" " if char in "\r\n\f" else char for char in text)
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _stylesheet_once():
    global _stylesheet
    if _stylesheet is None:
        with _stylesheet_lock:
            if _stylesheet is None:
                shared = renderer()
                _stylesheet = shared.css_class(
                    string=STYLESHEET.read_text(encoding="utf-8"),
                    font_config=shared.font_config,
                    url_fetcher=shared.fetcher,
                )
    return _stylesheet


@lru_cache(maxsize=8)
def _footer(language: str):
    """The page numbers in `language`; the counters go between the translated words."""
    with translation.override(language):
        label = _("Page %(page)s of %(pages)s") % {"page": "\0page\0", "pages": "\0pages\0"}
    # Split on the markers: the odd pieces are the counters' names, the even ones the words around them.
    parts = [f"counter({piece})" if index % 2 else _css_string(piece) for index, piece in enumerate(label.split("\0"))]
    content = " ".join(part for part in parts if part != '""')
    shared = renderer()
    return shared.css_class(
        string=f"@page {{ @bottom-right {{ content: {content}; }} }}",
        font_config=shared.font_config,
        url_fetcher=shared.fetcher,
    )


@atexit.register
def _forget() -> None:
    # Let go of the shared font configuration before shutdown empties the modules its clean-up needs.
    global _stylesheet
    _stylesheet = None
    _footer.cache_clear()


def minutes_language() -> str:
    """The viewer's language, as the request activated it; one the project speaks, or the default."""
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


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
    language = language or minutes_language()
    html = minutes_html(minutes, language=language)
    shared = renderer()
    with shared.lock:
        stylesheet, footer = _stylesheet_once(), _footer(language)
        document = shared.html_class(string=html, url_fetcher=shared.fetcher)
        return document.write_pdf(stylesheets=[stylesheet, footer], font_config=shared.font_config)


def minutes_pdf_filename(minutes: Minutes) -> str:
    meeting = minutes.meeting
    day = timezone.localtime(meeting.starts_at).date()
    return f"{slugify(_('minutes'))}-{slugify(meeting.placement.learner.get_full_name())}-{day:%Y-%m-%d}.pdf"
