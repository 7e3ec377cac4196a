"""E-mails, the one way: rendered in the recipient's language and the site's (Dutch) time zone, built, not sent.

An e-mail is a set of templates with a common prefix, e.g. "emails/certificate_issued":
`<prefix>_subject.txt` (one line: its line breaks are dropped), `<prefix>.txt` (the plain text) and, for a
message that has one, `<prefix>.html` (sent as the HTML alternative). The apps build their context and
call `build_message`; they send the message themselves (in the transaction that records the sending).
"""

from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import MIMEPart

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

# (filename, content, mimetype) as EmailMessage.attach takes it, or a ready MIME part.
Attachment = tuple[str, bytes, str] | MIMEPart


def recipient_language(person) -> str:
    """The language `person` chose (anyone with a `language`); nobody, or no valid choice, reads the default."""
    language = getattr(person, "language", "") if person is not None else ""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def has_login(user) -> bool:
    """Whether the recipient has an account they can sign in with (links into the app work for them)."""
    return user is not None and user.is_active


def site_url(path: str) -> str:
    """An absolute link for an e-mail, a calendar or a PDF: the site's address and `path`."""
    return settings.SITE_URL + path


def site_link(viewname: str, *args) -> str:
    """An absolute link to a named page."""
    return site_url(reverse(viewname, args=list(args)))


@contextmanager
def recipient_locale(language: str):
    """Everything rendered for one recipient: in their language, and times in the site's time zone."""
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        yield


@dataclass(frozen=True)
class RenderedMessage:
    subject: str
    text: str
    html: str = ""


def render_message(
    template: str, context: dict, *, language: str, text_template: str = "", html: bool = False
) -> RenderedMessage:
    """Render the subject, text (and with `html` the HTML) of the e-mail `template` in `language`.

    `text_template` names a text body that does not follow the naming (Django's password reset e-mail).
    """
    with recipient_locale(language):
        subject = "".join(render_to_string(f"{template}_subject.txt", context).splitlines())
        text = render_to_string(text_template or f"{template}.txt", context)
        html_body = render_to_string(f"{template}.html", context) if html else ""
    return RenderedMessage(subject, text, html_body)


def build_message(
    template: str,
    context: dict,
    *,
    language: str,
    to: str,
    attachments: Iterable[Attachment] = (),
    text_template: str = "",
    html: bool = False,
) -> EmailMultiAlternatives:
    """The e-mail `template` to the address `to`, rendered in `language`, ready to send."""
    rendered = render_message(template, context, language=language, text_template=text_template, html=html)
    message = EmailMultiAlternatives(
        subject=rendered.subject, body=rendered.text, to=[to], attachments=list(attachments)
    )
    if rendered.html:
        message.attach_alternative(rendered.html, "text/html")
    return message
