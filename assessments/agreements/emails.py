"""E-mails of the placement agreement: the request to sign (with a signed link) and the signed PDF.

Each in the recipient's language; a guardian without an account reads the site's default language.
"""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.emails import build_message, has_login, recipient_language, site_link
from core.outbox import send_once
from notifications.models import Notification
from notifications.services import level_allows, notify

from ..models import AgreementSignature, PlacementAgreement
from .documents import agreement_pdf_filename, render_agreement_pdf
from .selectors import SIGN_LINK


def sign_link(signature: AgreementSignature) -> str:
    return site_link("agreement_sign_link", SIGN_LINK.make(signature))


def signature_request_send(*, signature: AgreementSignature, reminder: bool = False) -> bool:
    """Ask one party to sign, or remind them; False when no e-mail went out.

    The request is essential news; a reminder is normal news, which a person may have switched off.
    """
    user = signature.user if has_login(signature.user) else None
    level = Notification.Level.NORMAL if reminder else Notification.Level.ESSENTIAL
    if not signature.email or not level_allows(user, level):
        return False
    agreement = signature.agreement
    context = {
        "signature": signature,
        "agreement": agreement,
        "values": agreement.snapshot,
        "link": sign_link(signature),
        "app_link": site_link("agreement_detail", agreement.pk) if user else "",
        "valid_days": SIGN_LINK.max_age.days,
        "reminder": reminder,
    }
    language = recipient_language(user)
    send_once(build_message("emails/agreement_signature_request", context, language=language, to=signature.email))
    if user is not None:
        names = {"name": agreement.snapshot.get("learner_name", "")}
        with translation.override(language):
            text = (
                _("Reminder: the placement agreement of %(name)s is waiting for your signature.")
                if reminder
                else _("Please sign the placement agreement of %(name)s.")
            ) % names
        notify(user, text, reverse("agreement_detail", args=[agreement.pk]), level)
    return True


def agreement_pdf_send(*, agreement: PlacementAgreement) -> int:
    """The signed agreement as PDF to every party; one PDF per language."""
    signatures = list(agreement.signatures.select_related("user").order_by("pk"))
    pdfs: dict[str, bytes] = {}
    for signature in signatures:
        language = recipient_language(signature.user if has_login(signature.user) else None)
        if language not in pdfs:
            pdfs[language] = render_agreement_pdf(agreement, language=language)
        attachment = (agreement_pdf_filename(agreement, language=language), pdfs[language], "application/pdf")
        context = {"agreement": agreement, "signature": signature, "values": agreement.snapshot}
        send_once(
            build_message(
                "emails/agreement_signed", context, language=language, to=signature.email, attachments=[attachment]
            )
        )
    return len(signatures)
