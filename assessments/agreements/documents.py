"""The placement agreement (or an addendum) as a PDF: templates/pdf/agreement.html on core/documents.py.

Rendered from the agreement's snapshot, never from the placement: a signed agreement re-renders as signed.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.documents import DocumentKind, document_language

from ..documents.pdf import _branding
from ..models import PlacementAgreement
from .snapshot import agreement_facts, change_labels

AGREEMENT = DocumentKind("assessment.css")


def agreement_html(agreement: PlacementAgreement, *, language: str, logo: str | None = None) -> str:
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        return render_to_string(
            "pdf/agreement.html",
            {
                "language": language,
                "agreement": agreement,
                "values": agreement.snapshot,
                "facts": agreement_facts(agreement.snapshot),
                "changes": change_labels(agreement.changes),
                "signatures": list(agreement.signatures.all()),
                "is_draft": agreement.status != PlacementAgreement.Status.SIGNED,
                "logo": logo,
            },
        )


def render_agreement_pdf(agreement: PlacementAgreement, *, language: str | None = None) -> bytes:
    language = language or document_language()
    colour, logo = _branding(agreement.placement.school)
    html = agreement_html(agreement, language=language, logo=logo)
    return AGREEMENT.write_pdf(
        html, language=language, colour=colour, footer=agreement.snapshot.get("learner_name", "")
    )


def agreement_pdf_filename(agreement: PlacementAgreement, *, language: str | None = None) -> str:
    """For example placement-agreement-daan-jansen.pdf, or addendum-1-daan-jansen.pdf."""
    with translation.override(language or document_language()):
        word = f"{_('addendum')}-{agreement.number}" if agreement.is_addendum else _("placement agreement")
    return f"{slugify(word)}-{slugify(agreement.snapshot.get('learner_name') or 'learner')}.pdf"
