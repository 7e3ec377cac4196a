"""The certificate as a PDF: WeasyPrint renders templates/pdf/certificate.html in the design it was issued with.

Rendering is the expensive part of issuing; the renderer every document shares, set up once per process,
is core/documents.py (docs/decisions/0007-certificate-pdf-rendering.md). The certificate's stylesheet is
parsed once, plus one tiny one per school colour. The QR code is a tiny one-bit PNG, one pixel per module,
scaled up without smoothing.
"""

import base64
import io

import qrcode
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from PIL import Image

from core.documents import DocumentKind
from core.emails import site_link

from ..models import Certificate, CertificateDesign, RegistrySettings
from .design_wording import fill_wording
from .designs import design_from_settings, image_uri
from .eligibility import registry_settings_for

CERTIFICATE = DocumentKind("certificate.css")
DEFAULT_COLOUR = RegistrySettings._meta.get_field("primary_colour").default
DEFAULT_ACCENT = CertificateDesign._meta.get_field("accent_colour").default
LAYOUTS = tuple(CertificateDesign.Layout.values)
LANGUAGES = ("nl", "en")
QR_BORDER = 4


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


# --- The certificate -------------------------------------------------------------------------------------


def verify_url(certificate: Certificate) -> str:
    return site_link("certificate_verify", certificate.public_id)


def _safe_colour(value: str, default: str = DEFAULT_COLOUR) -> str:
    valid = isinstance(value, str) and len(value) == 7 and value[0] == "#"
    return value if valid and all(c in "0123456789abcdefABCDEF" for c in value[1:]) else default


def certificate_language(certificate: Certificate) -> str:
    return certificate.language if certificate.language in LANGUAGES else settings.LANGUAGE_CODE


def design_of(certificate: Certificate, rules: RegistrySettings | None = None) -> CertificateDesign:
    """The design the certificate was issued with; one without (never saved) takes the settings' look."""
    if certificate.design_id is not None:
        return certificate.design
    return design_from_settings(certificate.school, rules or registry_settings_for(certificate.school_id))


def _wording_values(certificate: Certificate) -> dict[str, str]:
    company = certificate.company_name
    if company and certificate.company_city:
        company = f"{company}, {certificate.company_city}"
    return {
        "holder": certificate.holder_name,
        # A preview's sample certificate carries an unsaved course.
        "course": certificate.course.title if certificate.course else "",
        "school": certificate.school.name,
        "company": company,
        "issued_on": date_format(certificate.issued_on, "j F Y"),
        "valid_until": date_format(certificate.valid_until, "j F Y"),
    }


def certificate_html(
    certificate: Certificate, *, rules: RegistrySettings | None = None, design: CertificateDesign | None = None
) -> str:
    """The certificate's HTML in its own language and its own design; tests read it to see what the PDF is made of.

    Everything comes from the certificate's saved fields and its (frozen) design, so re-rendering gives the
    same document.
    """
    design = design or design_of(certificate, rules)
    url = verify_url(certificate)
    language = certificate_language(certificate)
    with translation.override(language):
        signatories = [
            {"name": name, "role": role, "image": image_uri(image)} for name, role, image in design.signatories()
        ]
        return render_to_string(
            "pdf/certificate.html",
            {
                "certificate": certificate,
                "language": language,
                "layout": design.layout if design.layout in LAYOUTS else LAYOUTS[0],
                "accent": _safe_colour(design.accent_colour, DEFAULT_ACCENT),
                "title": design.title(language),
                "statement": fill_wording(design.body(language), _wording_values(certificate)),
                "school_name": certificate.school.name,
                "country": certificate.get_company_country_display() if certificate.company_country else "",
                "logo": image_uri(design.logo),
                "signatories": signatories or [{"name": certificate.school.name, "role": "", "image": None}],
                "verify_url": url,
                "qr_code": qr_data_uri(url),
            },
        )


def certificate_pdf(
    certificate: Certificate, *, rules: RegistrySettings | None = None, design: CertificateDesign | None = None
) -> bytes:
    design = design or design_of(certificate, rules)
    # No page numbers: a certificate is one page. No image cache is shared between renders either: each QR
    # code is new, and a worker's memory must stay flat.
    return CERTIFICATE.write_pdf(
        certificate_html(certificate, design=design),
        language=certificate_language(certificate),
        colour=_safe_colour(design.primary_colour),
        page_numbers=False,
    )


def pdf_filename(certificate: Certificate) -> str:
    return f"{certificate.number}.pdf"
