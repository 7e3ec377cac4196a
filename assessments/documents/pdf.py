"""The assessment record as a PDF: WeasyPrint renders templates/pdf/assessment.html in the school's look.

The renderer, fonts, page footer and the tiny stylesheet per school colour are shared with the other
documents (core/documents.py). Branding comes from the school's registry settings (colour, logo), as
on its certificates; a school that never set them gets the defaults, and rendering never writes settings.
"""

import re

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.documents import DocumentKind, document_language, image_data_uri
from registry.certificates.documents import DEFAULT_COLOUR
from registry.models import RegistrySettings

from ..models import AssessmentRecord
from .rows import ratings_html
from .selectors import record_sections, signatures_of

ASSESSMENT_RECORD = DocumentKind("assessment.css")
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
viewer_language = document_language


def _school(record: AssessmentRecord):
    return record.placement.school if record.placement_id else record.enrolment.course.school


def _branding(school) -> tuple[str, str | None]:
    """(colour, logo as data: URI) from the school's registry settings, without creating them."""
    rules = RegistrySettings.objects.filter(school=school).first()
    if rules is None:
        return DEFAULT_COLOUR, None
    colour = rules.primary_colour if HEX_COLOUR.fullmatch(rules.primary_colour or "") else DEFAULT_COLOUR
    return colour, image_data_uri(rules.logo)


def record_html(record: AssessmentRecord, *, language: str, logo: str | None = None) -> str:
    """The record's HTML in `language`; tests read it to see what the PDF is made of."""
    school = _school(record)
    moment = record.moment
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        return render_to_string(
            "pdf/assessment.html",
            {
                "language": language,
                "record": record,
                "placement": record.placement,
                "enrolment": record.enrolment,
                "school_name": school.name,
                "logo": logo,
                "version": record.framework_version,
                "framework": record.framework_version.framework,
                "moment": moment,
                "methods": moment.method_labels() if moment is not None else [],
                "ratings": ratings_html(record_sections(record)),
                "signatures": signatures_of(record),
                "is_draft": record.status == AssessmentRecord.Status.DRAFT,
                "printed_at": timezone.now(),
            },
        )


def render_record_pdf(record: AssessmentRecord, *, language: str | None = None) -> bytes:
    """The record as PDF bytes, in `language` (by default the viewer's)."""
    language = language or viewer_language()
    colour, logo = _branding(_school(record))
    html = record_html(record, language=language, logo=logo)
    # The name in the footer of every page says whose record a loose page belongs to.
    footer = record.subject.get_full_name()
    return ASSESSMENT_RECORD.write_pdf(html, language=language, colour=colour, footer=footer)


def record_pdf_filename(record: AssessmentRecord, *, language: str | None = None) -> str:
    """For example assessment-daan-jansen-2026-03-01.pdf; the first word in the reader's language."""
    with translation.override(language or viewer_language()):
        word = slugify(_("assessment"))
    return f"{word}-{slugify(record.subject.get_full_name() or 'record')}-{record.assessed_on:%Y-%m-%d}.pdf"
