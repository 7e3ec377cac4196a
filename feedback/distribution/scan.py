"""The survey scan: which rule is due for whom, recorded once, and the e-mails queued through the outbox.

Runs daily from Celery beat (feedback.tasks.scan_surveys) or from cron (`manage.py send_surveys`). The decision
is a SurveyInvitation row, unique per rule, person and moment, written with one bulk insert that ignores rows an
earlier (or simultaneous) scan wrote: running the scan twice sends nothing twice. Every unsent invitation is
handed to the outbox under a key of its own, so a second scan does not queue it again; one reminder follows
after the school's reminder delay, also under its own key.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from core.outbox.enqueue import enqueue
from registry.models import Course

from ..models import Audience, DistributionRule, FeedbackSettings, SurveyInvitation
from ..questionnaires.selectors import current_version
from . import selectors
from .rules import LATE_WINDOW, due_on, is_due
from .tasks import send_survey_invitation, send_survey_reminder


@dataclass(frozen=True)
class ScanResult:
    invitations: int
    queued: int
    reminders: int


def _recipients_for_placement(rule, placement, admins) -> list[int]:
    audience = rule.questionnaire.audience
    if audience == Audience.LEARNER:
        return [placement.learner_id]
    if audience == Audience.MENTOR:
        return [placement.mentor_id]
    if audience == Audience.EMPLOYER:
        return admins.get(placement.company_id, [])
    return []


def _recipients_for_enrolment(rule, enrolment, admins) -> list[int]:
    if rule.questionnaire.audience == Audience.PARTICIPANT:
        return [enrolment.participant_id]
    if rule.questionnaire.audience == Audience.EMPLOYER and enrolment.company_id:
        return admins.get(enrolment.company_id, [])
    return []


def decide(today: date) -> list[SurveyInvitation]:
    """The invitations due today for every active rule (not yet written: the caller inserts them)."""
    rules = list(DistributionRule.objects.filter(is_active=True).select_related("questionnaire"))
    if not rules:
        return []
    school_ids = {rule.school_id for rule in rules}
    versions = {rule.questionnaire_id: current_version(rule.questionnaire_id) for rule in rules}
    placement_rules = [r for r in rules if r.moment in DistributionRule.PLACEMENT_MOMENTS]
    course_rules = [r for r in rules if r.moment == DistributionRule.Moment.AFTER_COURSE]
    rows: list[SurveyInvitation] = []
    if placement_rules:
        # Only placements whose moments can fall within the window: ending no later than a year from now.
        placements = list(
            selectors.placements_for_rules(school_ids).filter(
                end_date__gte=today - LATE_WINDOW - timedelta(days=366), start_date__lte=today
            )
        )
        admins = selectors.company_admin_ids({p.company_id for p in placements})
        for rule in placement_rules:
            version = versions[rule.questionnaire_id]
            if version is None:
                continue
            for placement in placements:
                due = due_on(rule.moment, rule.days, start=placement.start_date, end=placement.end_date)
                if placement.school_id != rule.school_id or not is_due(due, today):
                    continue
                for recipient in _recipients_for_placement(rule, placement, admins):
                    rows.append(
                        SurveyInvitation(
                            rule=rule,
                            version=version,
                            recipient_id=recipient,
                            placement_id=placement.pk,
                            subject_key=f"placement:{placement.pk}",
                        )  # fmt: skip
                    )
    if course_rules:
        ends = selectors.course_ends(school_ids)
        enrolments = list(selectors.enrolments_for_rules(school_ids).filter(course_id__in=ends))
        admins = selectors.company_admin_ids({e.company_id for e in enrolments if e.company_id})
        courses_school = dict(Course.objects.filter(pk__in=ends).values_list("pk", "school_id"))
        for rule in course_rules:
            version = versions[rule.questionnaire_id]
            if version is None:
                continue
            for enrolment in enrolments:
                if courses_school[enrolment.course_id] != rule.school_id:
                    continue
                if not is_due(due_on(rule.moment, rule.days, end=ends[enrolment.course_id]), today):
                    continue
                for recipient in _recipients_for_enrolment(rule, enrolment, admins):
                    rows.append(
                        SurveyInvitation(
                            rule=rule,
                            version=version,
                            recipient_id=recipient,
                            course_id=enrolment.course_id,
                            subject_key=f"course:{enrolment.course_id}",
                        )  # fmt: skip
                    )
    return rows


def scan(today: date | None = None) -> ScanResult:
    today = today or timezone.localdate()
    rows = decide(today)
    with transaction.atomic():
        # A second scan (or one running at the same time) meets the unique constraint and writes nothing.
        before = SurveyInvitation.objects.count()
        SurveyInvitation.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
        created = SurveyInvitation.objects.count() - before
        queued = 0
        # Unsent invitations of the last weeks: each is queued once; the key refuses a second entry.
        recent = timezone.now() - LATE_WINDOW
        for pk in SurveyInvitation.objects.filter(sent_at__isnull=True, created_at__gte=recent).values_list(
            "pk", flat=True
        ):
            enqueue(send_survey_invitation, pk, key=f"feedback.survey:{pk}")
            queued += 1
        reminders = 0
        delays = dict(FeedbackSettings.objects.values_list("school_id", "reminder_after_days"))
        default_delay = FeedbackSettings._meta.get_field("reminder_after_days").default
        for pk, school_id, sent_at in SurveyInvitation.objects.filter(
            answered=False, reminded_at__isnull=True, sent_at__isnull=False, sent_at__gte=recent - LATE_WINDOW
        ).values_list("pk", "rule__school_id", "sent_at"):
            if sent_at + timedelta(days=delays.get(school_id, default_delay)) <= timezone.now():
                enqueue(send_survey_reminder, pk, key=f"feedback.survey-reminder:{pk}")
                reminders += 1
    return ScanResult(invitations=created, queued=queued, reminders=reminders)
