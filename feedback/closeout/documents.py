"""The reference letter as a PDF in the school's style, on the shared renderer (core/documents.py)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.documents import DocumentKind

from ..models import ReferenceLetter

LETTER = DocumentKind("document.css")


def _colour(placement) -> str | None:
    rules = getattr(placement.school, "registry_settings", None)
    return rules.primary_colour if rules is not None else None


def letter_html(letter: ReferenceLetter, *, language: str) -> str:
    placement = letter.placement
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        return render_to_string(
            "pdf/reference_letter.html",
            {
                "letter": letter,
                "placement": placement,
                "paragraphs": [p.strip() for p in letter.body.split("\n\n") if p.strip()],
                "language": language,
                "today": timezone.localdate(),
            },
        )


def letter_pdf(letter: ReferenceLetter, *, language: str | None = None) -> bytes:
    language = language or letter.language
    placement = letter.placement
    return LETTER.write_pdf(
        letter_html(letter, language=language),
        language=language,
        colour=_colour(placement),
        footer=placement.learner.get_full_name(),
    )


def letter_pdf_filename(letter: ReferenceLetter) -> str:
    with translation.override(letter.language):
        return f"{slugify(_('reference letter'))}-{slugify(letter.placement.learner.get_full_name())}.pdf"
