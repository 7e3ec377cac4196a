"""The PDF renderer every document uses (the certificate, the minutes, an induction plan, an assessment record).

Rendering is expensive, so what does not change between documents is set up once per process
(docs/decisions/0007-certificate-pdf-rendering.md): the font configuration with the cut DejaVu faces, and a
URL fetcher that reads only local files and data: URLs, which also spares WeasyPrint's default fetcher
loading the CA certificates; a lock guards them, since a FontConfiguration is not meant to be used by two
threads at once. A DocumentKind adds only its own stylesheet, parsed once; the school colour is a tiny
extra stylesheet, parsed once per colour; every kind shares the one-line page footer per language
("Page 2 of 3").

Fonts are subset once, not per render: the DejaVu faces are cut to the Latin scripts once per machine. With
HarfBuzz's subsetter (libharfbuzz-subset0) WeasyPrint then cuts each document's glyphs in a millisecond;
without it WeasyPrint falls back to fontTools, which spends about 100 ms a face decompiling layout tables it
drops. There a document whose every character is in the cut faces embeds them whole (`full_fonts`), with
ligatures off so that every glyph maps back to exactly one character (pdftotext, search, copy and paste).
"""

import atexit
import base64
import hashlib
import logging
import os
import tempfile
import threading
from functools import lru_cache
from html import unescape
from pathlib import Path
from urllib.parse import unquote_to_bytes
from urllib.request import url2pathname

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)
# WeasyPrint's step-by-step progress and fontTools' subsetting report at INFO, hundreds of lines a document.
for _noisy in ("weasyprint.progress", "fontTools"):
    if logging.getLogger(_noisy).level == logging.NOTSET:
        logging.getLogger(_noisy).setLevel(logging.WARNING)

FONT_DIR = Path(getattr(settings, "CERTIFICATE_FONT_DIR", "/usr/share/fonts/truetype/dejavu"))
FONT_CACHE = Path(getattr(settings, "CERTIFICATE_FONT_CACHE", Path(tempfile.gettempdir()) / "werkmentor-fonts"))
FONT_FACES = (("DejaVuSans.ttf", "normal"), ("DejaVuSans-Bold.ttf", "bold"))
FONT_FAMILY = "Certificate Sans"  # the name the stylesheets in templates/pdf use for the cut faces
MAX_IMAGE_BYTES = 2 * 1024 * 1024
IMAGE_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


# --- Local-only resources ---------------------------------------------------------------------------------


class LocalFetcher:
    """Serves data: URLs and files under the allowed folders; anything else (the network) is refused."""

    _fail_on_errors = False  # weasyprint.urls.fetch reads this

    def __init__(self, folders):
        self.folders = [Path(folder).resolve() for folder in folders]

    def __call__(self, url: str, headers=None):
        from weasyprint.urls import URLFetcherResponse

        if url.startswith("data:"):
            header, _comma, payload = url[5:].partition(",")
            mime, *params = header.split(";")
            body = base64.b64decode(payload) if "base64" in params else unquote_to_bytes(payload)
            return URLFetcherResponse(url, body, {"Content-Type": mime or "text/plain"})
        if url.startswith("file:"):
            path = Path(url2pathname(url.removeprefix("file:").split("?")[0])).resolve()
            if any(path.is_relative_to(folder) for folder in self.folders):
                return URLFetcherResponse(url, path.read_bytes())
        raise ValueError(f"Not a local resource: {url[:80]}")

    fetch = __call__


def image_data_uri(field_file) -> str | None:
    """An uploaded PNG or JPEG as a data: URI, or None when absent, too large, unreadable or another type."""
    if not field_file:
        return None
    try:
        with field_file.open("rb") as handle:
            data = handle.read(MAX_IMAGE_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_IMAGE_BYTES:
        return None
    mime = next((kind for magic, kind in IMAGE_TYPES.items() if data.startswith(magic)), None)
    if mime is None:
        return None
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


# --- Fonts -----------------------------------------------------------------------------------------------
# DejaVu Sans has over 6,000 glyphs. Cut once to the Latin the register's names need (about 600 glyphs: ASCII,
# Latin-1 and Latin Extended-A, the Croatian digraphs and Pinyin tones, Romanian ș and ț, ə, the combining
# accents, general punctuation, € and ™, ligatures kept), the per-document subsetting has far less to chew on,
# and where it is skipped (no HarfBuzz subsetter, see DocumentKind.write_pdf) the whole face is 45 kB.
# Characters outside the cut (Vietnamese, Greek, Cyrillic …) fall back to the full DejaVu Sans through the
# font-family list: the same design, subset per document.

KEEP_RANGES = (
    (0x20, 0x7E), (0xA0, 0x17F), (0x192, 0x192), (0x1C4, 0x1DC), (0x218, 0x21B), (0x259, 0x259),
    (0x2BB, 0x2BC), (0x2C6, 0x2C7), (0x2D8, 0x2DD), (0x300, 0x36F), (0x2000, 0x206F), (0x20AC, 0x20AC),
    (0x2122, 0x2122), (0xFB00, 0xFB06),
)  # fmt: skip


# The features shaping applies by default; optional ones (small caps, stylistic sets) are never used here.
LAYOUT_FEATURES = ["ccmp", "locl", "rlig", "liga", "clig", "kern", "mark", "mkmk"]
# Copyright, family, style, unique and full name, version, PostScript name: a face embedded whole carries these,
# not the 10 kB licence text (name 13, which HarfBuzz's per-document subset leaves out as well).
NAME_IDS = [0, 1, 2, 3, 4, 5, 6]


def _cut_font(source: Path, target: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = LAYOUT_FEATURES
    options.name_IDs = NAME_IDS
    options.hinting = False  # WeasyPrint drops hinting anyway
    options.notdef_outline = True
    options.drop_tables += ["MATH", "FFTM"]
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[code for low, high in KEEP_RANGES for code in range(low, high + 1)])
    subsetter.subset(font)
    with tempfile.NamedTemporaryFile(dir=target.parent, suffix=".tmp", delete=False) as handle:
        font.save(handle)
    os.replace(handle.name, target)  # atomic, so processes starting together never read half a file


def prepared_fonts() -> list[tuple[Path, str]]:
    """(font file, weight) to use: the cut files, made once per machine, or the originals if cutting fails."""
    faces = []
    for name, weight in FONT_FACES:
        source = FONT_DIR / name
        try:
            stat = source.stat()
            key = hashlib.sha256(
                f"{source}:{stat.st_size}:{stat.st_mtime_ns}:{KEEP_RANGES}:{LAYOUT_FEATURES}:{NAME_IDS}".encode()
            ).hexdigest()
            target = FONT_CACHE / f"{source.stem}-{key[:16]}.ttf"
            if not target.exists():
                FONT_CACHE.mkdir(parents=True, exist_ok=True)
                _cut_font(source, target)
            faces.append((target, weight))
        except Exception:  # a missing or odd font must not stop certificates; the original still works
            logger.warning("Could not prepare the certificate font %s; using it uncut.", source, exc_info=True)
            faces.append((source, weight))
    return faces


def cut_characters(faces: list[tuple[Path, str]]) -> frozenset[str]:
    """The characters every one of the cut faces draws (none when a face is uncut): a document made only of
    these needs no other font."""
    from fontTools.ttLib import TTFont

    if any(path.parent != FONT_CACHE for path, _weight in faces):
        return frozenset()
    covered = None
    for path, _weight in faces:
        with TTFont(path, lazy=True) as font:
            characters = {chr(code) for code in font.getBestCmap()}
        covered = characters if covered is None else covered & characters
    return frozenset(covered or ()) | frozenset("\t\n\r\f")


def harfbuzz_subsetter() -> bool:
    """Whether WeasyPrint cuts each document's fonts with HarfBuzz (libharfbuzz-subset0) rather than fontTools."""
    from weasyprint.pdf import fonts

    return fonts.harfbuzz_subset is not None and bool(fonts.harfbuzz.hb_version_atleast(4, 1, 0))


# --- The renderer, set up once per process ----------------------------------------------------------------


class _Renderer:
    def __init__(self):
        # Imported here: loading WeasyPrint takes a while and logs, and most processes never render a PDF.
        from weasyprint import CSS, HTML
        from weasyprint.text.fonts import FontConfiguration

        self.css_class, self.html_class = CSS, HTML
        self.lock = threading.Lock()  # a FontConfiguration is not meant to be shared by threads at once
        self.font_config = FontConfiguration()
        fonts = prepared_fonts()
        self.fetcher = LocalFetcher({FONT_DIR, *(path.parent for path, _weight in fonts)})
        faces = "".join(
            f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; src: url("{path.as_uri()}"); }}\n'
            for path, weight in fonts
        )
        # Parsing the @font-face rules registers the faces in the font configuration every document uses.
        self.font_faces = self.css_class(string=faces, font_config=self.font_config, url_fetcher=self.fetcher)
        self.cut_characters = cut_characters(fonts)
        # A face embedded whole maps each glyph to the character of its own code point, so a ligature would
        # read back as "ﬁ"; with ligatures off every glyph is one character.
        self.whole_faces = self.css_class(
            string="* { font-variant-ligatures: none; }", font_config=self.font_config, url_fetcher=self.fetcher
        )

    def embeds_whole_faces(self, *texts: str) -> bool:
        """Whether to embed the cut faces whole instead of cutting them again per document: when WeasyPrint
        would cut with fontTools (about 100 ms a face) and every character is in the cut faces (otherwise a
        fallback font, thousands of glyphs, would be embedded whole as well)."""
        if not self.cut_characters or harfbuzz_subsetter():
            return False
        return all(set(unescape(text)) <= self.cut_characters for text in texts)

    @lru_cache(maxsize=64)  # noqa: B019 - the renderer lives as long as the process anyway
    def colour(self, colour: str):
        return self.css_class(
            string=f":root {{ --brand: {colour}; }}", font_config=self.font_config, url_fetcher=self.fetcher
        )


_renderer: _Renderer | None = None
_renderer_lock = threading.Lock()


def renderer() -> _Renderer:
    global _renderer
    if _renderer is None:
        with _renderer_lock:
            if _renderer is None:
                _renderer = _Renderer()
                atexit.register(_drop_renderer)
    return _renderer


def _drop_renderer() -> None:
    # Release fonts before interpreter shutdown; later, WeasyPrint's clean-up finds its modules gone.
    global _renderer
    _renderer = None


# --- Kinds of document ----------------------------------------------------------------------------

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

    def write_pdf(
        self, html: str, *, language: str, colour: str | None = None, footer: str = "", page_numbers: bool = True
    ) -> bytes:
        """`html` as PDF bytes with this kind's stylesheet, the school colour and, at the bottom of every page,
        `footer` followed by the page numbers in `language` (none when `page_numbers` is False)."""
        shared = renderer()
        with shared.lock:
            stylesheets = [self.stylesheet()]
            if colour is not None:
                stylesheets.append(shared.colour(colour))
            if page_numbers:
                stylesheets.append(page_footer(language, footer))
            options = {}
            if shared.embeds_whole_faces(html, footer):
                stylesheets.append(shared.whole_faces)
                options["full_fonts"] = True
            document = shared.html_class(string=html, url_fetcher=shared.fetcher)
            return document.write_pdf(stylesheets=stylesheets, font_config=shared.font_config, **options)


@atexit.register
def _forget() -> None:
    # Let go of the shared font configuration before shutdown empties the modules its clean-up needs.
    for kind in _kinds:
        kind._stylesheet = None
    page_footer.cache_clear()
