"""One kind of PDF (the minutes, an induction plan, an assessment record) on the registry's shared renderer.

The expensive set-up is the registry's, made once per process (registry/documents.py): the font
configuration with the cut DejaVu faces, the local-only URL fetcher and the lock that guards them, since a
FontConfiguration is not meant to be used by two threads at once. A kind adds only its own stylesheet,
parsed once, and every kind shares the one-line page footer per language ("Page 2 of 3").
"""

import atexit
import threading
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from .documents import renderer

STYLES = Path(settings.BASE_DIR) / "templates" / "pdf"
_kinds: list["DocumentKind"] = []


def document_language() -> str:
    """The viewer's language, as the request activated it; one the project speaks, or the default."""
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _css_string(text: str) -> str:
    """`text` as a quoted CSS string; the spaces around the page counters are kept."""
    flat = "".join(" " if char in "\r\n\f" else char for char in text)
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


@lru_cache(maxsize=256)
def page_footer(language: str, before: str = ""):
    """The page numbers in `language`, the counters between the translated words; `before` goes in front.

    One margin box with both is measurably cheaper for WeasyPrint than a box on either side of the page.
    """
    with translation.override(language):
        label = _("Page %(page)s of %(pages)s") % {"page": "\0page\0", "pages": "\0pages\0"}
    # Split on the markers: the odd pieces are the counters' names, the even ones the words around them.
    parts = [f"counter({piece})" if index % 2 else _css_string(piece) for index, piece in enumerate(label.split("\0"))]
    if before:
        parts.insert(0, _css_string(f"{before}  ·  "))
    content = " ".join(part for part in parts if part != '""')
    shared = renderer()
    return shared.css_class(
        string=f"@page {{ @bottom-right {{ content: {content}; }} }}",
        font_config=shared.font_config,
        url_fetcher=shared.fetcher,
    )


class DocumentKind:
    """A kind of document; its stylesheets (a shared base first, then its own) are parsed once, as one."""

    def __init__(self, *stylesheet_names: str):
        self.paths = [STYLES / name for name in stylesheet_names]
        self._stylesheet = None
        self._lock = threading.Lock()
        _kinds.append(self)

    def stylesheet(self):
        if self._stylesheet is None:
            with self._lock:
                if self._stylesheet is None:
                    shared = renderer()
                    self._stylesheet = shared.css_class(
                        string="\n".join(path.read_text(encoding="utf-8") for path in self.paths),
                        font_config=shared.font_config,
                        url_fetcher=shared.fetcher,
                    )
        return self._stylesheet

    def write_pdf(self, html: str, *, language: str, colour: str | None = None, footer: str = "") -> bytes:
        """`html` as PDF bytes with this kind's stylesheet, the school colour and, at the bottom of every page,
        `footer` followed by the page numbers in `language`."""
        shared = renderer()
        with shared.lock:
            stylesheets = [self.stylesheet()]
            if colour is not None:
                stylesheets.append(shared.colour(colour))
            stylesheets.append(page_footer(language, footer))
            document = shared.html_class(string=html, url_fetcher=shared.fetcher)
            return document.write_pdf(stylesheets=stylesheets, font_config=shared.font_config)


@atexit.register
def _forget() -> None:
    # Let go of the shared font configuration before shutdown empties the modules its clean-up needs.
    for kind in _kinds:
        kind._stylesheet = None
    page_footer.cache_clear()
