"""The e-mail that tells someone their authenticator was reset, in their own language."""

from core.emails import build_message, recipient_language, site_link
from core.outbox import send_once

from .models import TwoFactorReset
from .selectors import two_factor_required


def two_factor_reset_email_send(*, reset: TwoFactorReset) -> None:
    user = reset.user
    context = {
        "user": user,
        "reset_by": reset.reset_by,
        "reset_at": reset.reset_at,
        "required": two_factor_required(user),
        "login_link": site_link("login"),
    }
    send_once(build_message("emails/two_factor_reset", context, language=recipient_language(user), to=user.email))
