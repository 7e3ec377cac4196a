"""What a survey e-mail says, in the recipient's language, with the signed link to answer without logging in."""

from core.emails import build_message, recipient_language, site_link

from ..models import SurveyInvitation
from .links import SURVEY_LINK


def survey_message(invitation: SurveyInvitation, *, reminder: bool):
    recipient = invitation.recipient
    context = {
        "invitation": invitation,
        "recipient": recipient,
        "questionnaire": invitation.version.questionnaire,
        "placement": invitation.placement,
        "course": invitation.course,
        "link": site_link("survey_answer_signed", SURVEY_LINK.make(invitation)),
        "reminder": reminder,
    }
    return build_message(
        "feedback/emails/survey_invitation", context, language=recipient_language(recipient), to=recipient.email
    )
