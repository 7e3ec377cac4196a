"""The certificate as a PDF: WeasyPrint renders templates/pdf/certificate.html in the school's look.

Rendering is the expensive part of issuing, so what does not change between certificates is set up once
per process (docs/decisions/0007-certificate-pdf-rendering.md): the font configuration with the DejaVu
faces, the parsed stylesheet (one extra tiny one per school colour), and a URL fetcher that reads only
local files and data: URLs, which also spares WeasyPrint's default fetcher loading the CA certificates.
The QR code is a tiny one-bit PNG, one pixel per module, scaled up without smoothing.
"""

import atexit
import base64
import hashlib
import io
import logging
import os
import tempfile
import threading
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote_to_bytes
from urllib.request import url2pathname

import qrcode
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from accounts.models import School

from .eligibility import registry_settings_for
from .models import Certificate, RegistrySettings

logger = logging.getLogger(__name__)
# WeasyPrint's step-by-step progress and fontTools' subsetting report at INFO, hundreds of lines a certificate.
for _noisy in ("weasyprint.progress", "fontTools"):
    if logging.getLogger(_noisy).level == logging.NOTSET:
        logging.getLogger(_noisy).setLevel(logging.WARNING)

FONT_DIR = Path(getattr(settings, "CERTIFICATE_FONT_DIR", "/usr/share/fonts/truetype/dejavu"))
FONT_CACHE = Path(getattr(settings, "CERTIFICATE_FONT_CACHE", Path(tempfile.gettempdir()) / "werkmentor-fonts"))
FONT_FACES = (("DejaVuSans.ttf", "normal"), ("DejaVuSans-Bold.ttf", "bold"))
STYLESHEET = Path(settings.BASE_DIR) / "templates" / "pdf" / "certificate.css"
DEFAULT_COLOUR = RegistrySettings._meta.get_field("primary_colour").default
LANGUAGES = ("nl", "en")
MAX_IMAGE_BYTES = 2 * 1024 * 1024
QR_BORDER = 4
IMAGE_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


# --- QR code --------------------------------------------------------------------------------------------


def qr_matrix(url: str) -> list[list[bool]]:
    """The QR code of `url` as rows of modules (True = dark), with the standard quiet zone around it."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QR_BORDER)
    code.add_data(url)
    code.make(fit=True)
    return code.get_matrix()


def qr_data_uri(url: str) -> str:
    """The QR code as a one-bit PNG with one pixel per module; CSS scales it up without smoothing.

    Measured against inline SVG (one path of merged runs): WeasyPrint draws the image about 6 ms faster,
    because it does not parse and paint hundreds of path segments.
    """
    matrix = qr_matrix(url)
    size = len(matrix)
    image = Image.new("1", (size, size), 1)
    image.putdata([0 if dark else 1 for row in matrix for dark in row])
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


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
# DejaVu Sans has over 6,000 glyphs. Cut once to the Latin scripts (names from all over Europe, ligatures
# kept), the per-document subsetting has far less to chew on, most of all when WeasyPrint falls back to
# fontTools because HarfBuzz's subsetter is not installed. Characters outside the cut fall back to the
# full DejaVu Sans through the font-family list.

KEEP_RANGES = (
    (0x20, 0x7E), (0xA0, 0x24F), (0x259, 0x259), (0x2B0, 0x36F), (0x1E00, 0x1EFF),
    (0x2000, 0x206F), (0x20AC, 0x20AC), (0x2122, 0x2122), (0xFB00, 0xFB06),
)  # fmt: skip


# The features shaping applies by default; optional ones (small caps, stylistic sets) are never used here.
LAYOUT_FEATURES = ["ccmp", "locl", "rlig", "liga", "clig", "kern", "mark", "mkmk"]


def _cut_font(source: Path, target: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = LAYOUT_FEATURES
    options.name_IDs = ["*"]
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
                f"{source}:{stat.st_size}:{stat.st_mtime_ns}:{KEEP_RANGES}:{LAYOUT_FEATURES}".encode()
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
            f'@font-face {{ font-family: "Certificate Sans"; font-weight: {weight}; src: url("{path.as_uri()}"); }}\n'
            for path, weight in fonts
        )
        self.stylesheet = self.css_class(
            string=faces + STYLESHEET.read_text(encoding="utf-8"),
            font_config=self.font_config,
            url_fetcher=self.fetcher,
        )

    @lru_cache(maxsize=64)  # noqa: B019 - the renderer lives as long as the process anyway
    def colour(self, colour: str):
        return self.css_class(
            string=f":root {{ --brand: {colour}; }}", font_config=self.font_config, url_fetcher=self.fetcher
        )

    def pdf(self, html: str, colour: str) -> bytes:
        with self.lock:
            document = self.html_class(string=html, url_fetcher=self.fetcher)
            return document.write_pdf(
                stylesheets=[self.stylesheet, self.colour(colour)],
                font_config=self.font_config,
                # No image cache shared between renders: each QR code is new, and a worker's memory must stay flat.
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


# --- The certificate -------------------------------------------------------------------------------------


def verify_url(certificate: Certificate) -> str:
    return settings.SITE_URL + reverse("certificate_verify", args=[certificate.public_id])


def _safe_colour(value: str) -> str:
    valid = isinstance(value, str) and len(value) == 7 and value[0] == "#"
    return value if valid and all(c in "0123456789abcdefABCDEF" for c in value[1:]) else DEFAULT_COLOUR


def certificate_language(certificate: Certificate) -> str:
    return certificate.language if certificate.language in LANGUAGES else settings.LANGUAGE_CODE


def certificate_html(certificate: Certificate, *, rules: RegistrySettings | None = None) -> str:
    """The certificate's HTML in its own language; tests read it to see what the PDF is made of."""
    rules = rules or registry_settings_for(certificate.school_id)
    url = verify_url(certificate)
    language = certificate_language(certificate)
    with translation.override(language):
        return render_to_string(
            "pdf/certificate.html",
            {
                "certificate": certificate,
                "language": language,
                "school_name": certificate.school.name,
                "course_title": certificate.course.title if certificate.course_id else "",
                "country": certificate.get_company_country_display() if certificate.company_country else "",
                "logo": image_data_uri(rules.logo),
                "signature": image_data_uri(rules.signature),
                "signatory_name": rules.signatory_name or certificate.school.name,
                "signatory_title": rules.signatory_title,
                "verify_url": url,
                "qr_code": qr_data_uri(url),
            },
        )


def certificate_pdf(certificate: Certificate, *, rules: RegistrySettings | None = None) -> bytes:
    rules = rules or registry_settings_for(certificate.school_id)
    return renderer().pdf(certificate_html(certificate, rules=rules), _safe_colour(rules.primary_colour))


def sample_certificate(school: School, rules: RegistrySettings) -> Certificate:
    """An unsaved certificate with made-up people, to preview the school's settings."""
    from .services_certificates import add_years

    today = timezone.localdate()
    return Certificate(
        number=f"WM-{today.year}-000000",
        holder_name="Zoë Hoekstra-Çelik",
        company_name="Bakkerij De Korenschoof",
        company_city="Utrecht",
        company_country="NL",
        school=school,
        issued_on=today,
        valid_until=add_years(today, rules.validity_years),
        language=rules.certificate_language,
    )


def pdf_filename(certificate: Certificate) -> str:
    return f"{certificate.number}.pdf"
