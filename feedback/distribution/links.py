"""The signed link in a survey e-mail: answer without logging in. Once answered, the link no longer works."""

from datetime import timedelta

from django.utils.translation import gettext_lazy

from core.signing import SignedLink

from ..models import SurveyInvitation


def _load(pk: int) -> SurveyInvitation | None:
    return (
        SurveyInvitation.objects.select_related("version__questionnaire", "recipient", "placement", "course")
        .filter(pk=pk)
        .first()
    )


SURVEY_LINK = SignedLink[SurveyInvitation](
    salt="feedback.survey",
    max_age=timedelta(days=60),
    load=_load,
    version=lambda invitation: "answered" if invitation.answered else "open",
    expired_message=gettext_lazy("This survey link has expired. Sign in to see the surveys still open for you."),
    outdated_message=gettext_lazy("This survey has already been answered. Thank you!"),
)
