"""The signed assessment record, e-mailed as a PDF to everyone who signed it, each in their own language."""

from django.urls import NoReverseMatch

from core.emails import build_message, has_login, recipient_language, site_link
from core.outbox import send_once

from ..models import AssessmentRecord, Signature
from .pdf import record_pdf_filename, render_record_pdf


def _record_link(record: AssessmentRecord, signature: Signature) -> str:
    """The record's page for a signer who can sign in; the attachment is all the others need."""
    if not has_login(signature.user):
        return ""
    try:
        return site_link("assessment_detail", record.pk)
    except NoReverseMatch:  # the record pages are not installed in this build
        return ""


def record_pdf_send(*, record: AssessmentRecord) -> int:
    """Send the PDF to every signer; returns how many messages went out. One PDF per language, not per person."""
    signatures = list(record.signatures.select_related("user").order_by("role", "pk"))
    pdfs: dict[str, bytes] = {}
    for signature in signatures:
        # Someone who signed without an account reads the site's default language.
        language = recipient_language(signature.user)
        if language not in pdfs:
            pdfs[language] = render_record_pdf(record, language=language)
        context = {"record": record, "signature": signature, "link": _record_link(record, signature)}
        pdf = (record_pdf_filename(record, language=language), pdfs[language], "application/pdf")
        send_once(
            build_message(
                "emails/assessment_record_signed", context, language=language, to=signature.email, attachments=[pdf]
            )
        )
    return len(signatures)
