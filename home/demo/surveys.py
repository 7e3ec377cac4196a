"""Surveys in the demo: every school sends the shipped questionnaires by the usual rules, and the invitations due
today exist already (marked sent, not e-mailed: the embedded demo has no beat), so learners, mentors and company
admins find their survey under My surveys and coordinators find the rules under Questionnaires."""

from django.core.management import call_command
from django.utils import timezone

from feedback.distribution.scan import decide
from feedback.models import DistributionRule, Purpose, Questionnaire, SurveyInvitation

Moment = DistributionRule.Moment
# (the shipped questionnaire's purpose, when it goes out, days)
RULES = [
    (Purpose.MID_PLACEMENT, Moment.HALFWAY, 0),
    (Purpose.END_PLACEMENT, Moment.BEFORE_END, 7),
    (Purpose.MENTOR_END, Moment.BEFORE_END, 7),
    (Purpose.EMPLOYER_AFTER, Moment.AFTER_END, 14),
    (Purpose.COURSE_AFTER, Moment.AFTER_COURSE, 1),
    (Purpose.COURSE_EFFECT, Moment.AFTER_COURSE, 90),
]


def seed(placements, today):
    if not Questionnaire.objects.filter(school__isnull=True).exists():  # a database emptied after its migrations
        call_command("load_questionnaires", verbosity=0)
    shipped = {q.purpose: q for q in Questionnaire.objects.filter(school__isnull=True)}
    for school in {placement.school for placement in placements}:
        for purpose, moment, days in RULES:
            DistributionRule.objects.get_or_create(
                school=school, questionnaire=shipped[purpose], moment=moment, defaults={"days": days}
            )
    due = decide(today)
    for invitation in due:
        invitation.sent_at = timezone.now()
    SurveyInvitation.objects.bulk_create(due, ignore_conflicts=True)
