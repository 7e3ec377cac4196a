"""The e-mail to an employer's contact with the link to enrol employees in a course."""

from django.conf import settings

from core.emails import build_message, site_link
from core.outbox import send_once

from ..models import EmployerInvitation
from .tokens import make_token


def enrol_link(invitation: EmployerInvitation) -> str:
    return site_link("course_employer_enrol", make_token(invitation.link_version))


def employer_invitation_email_send(*, invitation: EmployerInvitation) -> None:
    language = invitation.language if invitation.language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    context = {
        "invitation": invitation,
        "course": invitation.course,
        "inviter": invitation.invited_by,
        "link": enrol_link(invitation),
    }
    send_once(
        build_message("registry/employers/emails/invitation", context, language=language, to=invitation.contact_email)
    )
