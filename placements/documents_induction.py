"""The induction plan of a placement as a PDF: WeasyPrint renders templates/pdf/induction.html.

The fonts, the local-only URL fetcher and the lock are the registry's, set up once per process
(registry/documents.py). Only the plan's own stylesheet is parsed here, once, plus a one-line page footer per
language ("page 2 of 3").
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

from .models import InductionChecklist, Placement
from .selectors_induction import checklist_items, dress_item, grouped_by_section, progress_of

STYLESHEET = Path(settings.BASE_DIR) / "templates" / "pdf" / "induction.css"

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


def induction_language() -> str:
    """The viewer's language, as the request activated it; one the project speaks, or the default."""
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


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
    language = language or induction_language()
    html = induction_html(placement, checklist, language=language)
    shared = renderer()
    with shared.lock:
        stylesheet, footer = _stylesheet_once(), _footer(language)
        document = shared.html_class(string=html, url_fetcher=shared.fetcher)
        return document.write_pdf(stylesheets=[stylesheet, footer], font_config=shared.font_config)


def induction_pdf_filename(placement: Placement) -> str:
    return f"{slugify(_('induction plan'))}-{slugify(placement.learner.get_full_name())}.pdf"
