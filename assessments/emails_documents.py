"""The signed assessment record, e-mailed as a PDF to everyone who signed it, each in their own language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from .documents import record_pdf_filename, render_record_pdf
from .models import AssessmentRecord, Signature


def signer_language(signature: Signature) -> str:
    """The signer's chosen language; someone who signed without an account reads the site's default."""
    language = signature.user.language if signature.user_id else ""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _record_link(record: AssessmentRecord, signature: Signature) -> str:
    """The record's page for a signer who can sign in; the attachment is all the others need."""
    if signature.user is None or not signature.user.is_active:
        return ""
    try:
        return settings.SITE_URL + reverse("assessment_detail", args=[record.pk])
    except NoReverseMatch:  # the record pages are not installed in this build
        return ""


def record_pdf_send(*, record: AssessmentRecord) -> int:
    """Send the PDF to every signer; returns how many messages went out. One PDF per language, not per person."""
    signatures = list(record.signatures.select_related("user").order_by("role", "pk"))
    pdfs: dict[str, bytes] = {}
    for signature in signatures:
        language = signer_language(signature)
        if language not in pdfs:
            pdfs[language] = render_record_pdf(record, language=language)
        context = {"record": record, "signature": signature, "link": _record_link(record, signature)}
        with translation.override(language), timezone.override(settings.TIME_ZONE):
            subject = "".join(render_to_string("emails/assessment_record_signed_subject.txt", context).splitlines())
            body = render_to_string("emails/assessment_record_signed.txt", context)
        message = EmailMessage(subject=subject, body=body, to=[signature.email])
        message.attach(record_pdf_filename(record, language=language), pdfs[language], "application/pdf")
        message.send()
    return len(signatures)
