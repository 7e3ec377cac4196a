"""E-mails asking someone to sign an assessment record, each in the signer's language and the Dutch time zone.

Every e-mail carries a signed link that works without logging in; someone with an account also gets the
page in the app, where they sign after signing in, and the same news as an in-app notification.
"""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.emails import build_message, has_login, recipient_language, site_link
from core.outbox import send_once
from notifications.models import Notification
from notifications.services import level_allows, notify

from ..models import Signature
from .selectors import SIGN_LINK


def sign_link(signature: Signature) -> str:
    return site_link("assessment_sign_link", SIGN_LINK.make(signature))


def app_link(signature: Signature) -> str:
    return site_link("assessment_sign", signature.record_id)


def _notify(signature: Signature, *, reminder: bool, level: str) -> None:
    """The request or reminder in the app too, for a signer with an account, in their language."""
    if not has_login(signature.user):
        return
    record = signature.record
    names = {"title": record.title, "name": record.subject.get_full_name()}
    with translation.override(recipient_language(signature.user)):
        if signature.role == Signature.Role.SUBJECT:
            text = (
                _("Reminder: your assessment “%(title)s” is waiting for your signature.")
                if reminder
                else _("Please read and sign your assessment “%(title)s”.")
            )
        else:
            text = (
                _("Reminder: the assessment “%(title)s” of %(name)s is waiting for your signature.")
                if reminder
                else _("Please sign the assessment “%(title)s” of %(name)s.")
            )
    notify(signature.user, text % names, reverse("assessment_sign", args=[record.pk]), level)


def _send(template: str, signature: Signature, level: str) -> bool:
    # Someone whose account was closed cannot opt out any more, and still gets the signed link.
    if not signature.email or not level_allows(signature.user if has_login(signature.user) else None, level):
        return False
    record = signature.record
    context = {
        "signature": signature,
        "record": record,
        "subject_name": record.subject.get_full_name(),
        "context_name": record.placement.company.name if record.placement_id else record.enrolment.course.title,
        "link": sign_link(signature),
        "app_link": app_link(signature) if has_login(signature.user) else "",
        "valid_days": SIGN_LINK.max_age.days,
        "is_subject": signature.role == Signature.Role.SUBJECT,
    }
    language = recipient_language(signature.user)
    send_once(build_message(f"emails/{template}", context, language=language, to=signature.email))
    return True


def signature_request_send(*, signature: Signature) -> bool:
    """Ask one signer to sign; False when no e-mail went out. Signing is essential news."""
    sent = _send("assessment_signature_request", signature, Notification.Level.ESSENTIAL)
    _notify(signature, reminder=False, level=Notification.Level.ESSENTIAL)  # after: a failed send is retried
    return sent


def signature_reminder_send(*, signature: Signature) -> bool:
    """Remind one signer who has not signed yet; a reminder is normal news."""
    sent = _send("assessment_signature_reminder", signature, Notification.Level.NORMAL)
    _notify(signature, reminder=True, level=Notification.Level.NORMAL)  # after: a failed send is retried
    return sent
