"""E-mails to account holders, rendered in the recipient's own language."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .models import User


def password_reset_email_send(*, user: User, domain: str, protocol: str) -> None:
    context = {
        "user": user,
        "domain": domain,
        "protocol": protocol,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject = "".join(render_to_string("registration/password_reset_subject.txt", context).splitlines())
        body = render_to_string("registration/password_reset_email.html", context)
    EmailMessage(subject=subject, body=body, to=[user.email]).send()
