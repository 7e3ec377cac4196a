"""The invitation e-mail (a link to set a password) and the "you now also have this role" e-mail, each in the
recipient's language."""

from core.emails import build_message, recipient_language, site_link
from core.outbox import send_once

from ..models import Membership, Role
from .models import Invitation
from .tokens import make_token


def invitation_link(invitation: Invitation) -> str:
    return site_link("invitation_accept", make_token(invitation.link_version))


def invitation_email_send(*, invitation: Invitation) -> None:
    context = {
        "invitation": invitation,
        # The lazy label: rendered in the recipient's language (get_role_display() would fix it in ours).
        "role": Role(invitation.role).label,
        "organisation": invitation.organisation,
        "inviter": invitation.invited_by,
        "link": invitation_link(invitation),
    }
    send_once(build_message("emails/invitation", context, language=recipient_language(invitation), to=invitation.email))


def role_added_email_send(*, membership: Membership) -> None:
    user = membership.user
    context = {
        "user": user,
        "role": Role(membership.role).label,
        "organisation": membership.organisation,
        "link": site_link("dashboard"),
        "login_link": site_link("login"),
    }
    send_once(build_message("emails/role_added", context, language=recipient_language(user), to=user.email))
