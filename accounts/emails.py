"""E-mails to account holders, rendered in the recipient's own language."""

from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.emails import build_message, recipient_language
from core.outbox import send_once

from .models import User


def password_reset_email_send(*, user: User, domain: str, protocol: str) -> None:
    context = {
        "user": user,
        "domain": domain,
        "protocol": protocol,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }
    send_once(
        build_message(
            "registration/password_reset",
            context,
            language=recipient_language(user),
            to=user.email,
            text_template="registration/password_reset_email.html",  # Django's name; it is the plain text
        )
    )
