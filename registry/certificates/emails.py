"""E-mails about certificates, each rendered in the recipient's own language, the certificate as PDF attached."""

from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.utils import timezone

from accounts.models import Role
from accounts.selectors import people_with_role
from core.emails import build_message, recipient_language, site_link
from core.outbox import send_once

from ..models import Certificate, ExpiryReminder
from .documents import certificate_language, certificate_pdf, pdf_filename, verify_url
from .eligibility import registry_settings_for


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str
    language: str
    is_holder: bool


def recipients(certificate: Certificate, *, employer: bool) -> list[Recipient]:
    """The holder, and with `employer` the company's admins; each address once (a holder may be an admin)."""
    found: list[Recipient] = []
    holder = certificate.holder
    if certificate.holder_email and (holder is None or holder.is_active):
        # Someone without an account (imported) reads the language their certificate is in.
        language = recipient_language(holder) if holder else certificate_language(certificate)
        found.append(Recipient(certificate.holder_email, certificate.holder_name, language, True))
    if employer and certificate.company_id:
        for admin in people_with_role(Role.COMPANY_ADMIN, companies=[certificate.company_id]).order_by("pk"):
            if admin.email and all(admin.email.lower() != known.email.lower() for known in found):
                found.append(Recipient(admin.email, admin.get_full_name(), recipient_language(admin), False))
    return found


def _message(*, template: str, to: Recipient, context: dict, attachments=()) -> EmailMessage:
    context = {**context, "recipient": to}
    return build_message(f"emails/{template}", context, language=to.language, to=to.email, attachments=attachments)


def _context(certificate: Certificate) -> dict:
    return {
        "certificate": certificate,
        "verify_link": verify_url(certificate),
        "detail_link": site_link("certificate_detail", certificate.pk),
    }


def certificate_email_send(*, certificate: Certificate) -> int:
    """Send the new certificate to the holder and the employer; returns how many messages went out."""
    people = recipients(certificate, employer=True)
    if not people:
        return 0
    pdf = (pdf_filename(certificate), certificate_pdf(certificate), "application/pdf")
    for person in people:
        send_once(_message(template="certificate_issued", to=person, context=_context(certificate), attachments=[pdf]))
    return len(people)


def certificate_email_once(*, certificate_id: int) -> bool:
    """Send a certificate's e-mail unless it went out before (emailed_at); False when there was nothing to send.

    Each recipient's message goes out once per outbox entry (`send_once`): when the mail server refuses one of
    them, the retry writes only to those who did not get it yet.
    """
    certificate = Certificate.objects.filter(
        pk=certificate_id, emailed_at__isnull=True, revoked_at__isnull=True
    ).first()
    if certificate is None:
        return False
    certificate_email_send(certificate=certificate)
    Certificate.objects.filter(pk=certificate.pk, emailed_at__isnull=True).update(emailed_at=timezone.now())
    return True


def revocation_notice_send(*, certificate: Certificate) -> int:
    people = recipients(certificate, employer=False)
    for person in people:
        send_once(_message(template="certificate_revoked", to=person, context=_context(certificate)))
    return len(people)


def expiry_reminder_send(*, reminder: ExpiryReminder) -> int:
    certificate = reminder.certificate
    people = recipients(certificate, employer=True)
    context = {**_context(certificate), "rules": registry_settings_for(certificate.school_id)}
    for person in people:
        send_once(_message(template="certificate_expiring", to=person, context=context))
    return len(people)
