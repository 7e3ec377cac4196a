"""A placement that trips no health signal, and the one change that makes it trip each signal."""

from datetime import timedelta

from django.utils import timezone

from assessments.models import AssessmentRecord, Signature
from meetings.models import Meeting
from mentoring.models import CoachingPlan, CoachingSession, HoursEntry, Incident, LearningGoal, MentoringAgreement
from oversight.models import HealthSettings
from registry.models import Certificate
from tests.assessments.factories_assessments import make_framework_version
from tests.factories import make_placement
from tests.meetings.factories_meetings import in_days, meeting_at
from tests.registry.factories_certificates import imported_certificate

START_DAYS = 60  # 8.6 weeks: past the session, hours and agreement thresholds, before the meeting one (10 weeks)


def healthy_placement(world, **kwargs):
    """Active for 60 days at 1 hour a week, 10 hours logged, a session yesterday, the agreement accepted and a
    mentor with a valid certificate: no signal trips."""
    today = timezone.localdate()
    placement = kwargs.pop("placement", None)
    if placement is not None:
        type(placement).objects.filter(pk=placement.pk).update(
            start_date=today - timedelta(days=START_DAYS), hours_per_week=1
        )
        placement.refresh_from_db()
    placement = placement or make_placement(
        school=kwargs.pop("school", world.school),
        company=kwargs.pop("company", world.company),
        programme=kwargs.pop("programme", world.programme),
        start_date=today - timedelta(days=START_DAYS),
        hours_per_week=1,
        **kwargs,
    )
    CoachingSession.objects.create(
        placement=placement, date=today - timedelta(days=1), duration_minutes=30, coached_by=placement.mentor,
        activities="Kneading", created_by=placement.mentor,
    )  # fmt: skip
    HoursEntry.objects.create(
        placement=placement, date=today - timedelta(days=2), start_time="08:00", end_time="18:00",
        status=HoursEntry.Status.APPROVED,
    )  # fmt: skip
    now = timezone.now()
    MentoringAgreement.objects.create(
        placement=placement, mentor_will="Coach", mentor_will_not="Judge", learner_will="Ask",
        learner_will_not="Hide", mentor_accepted_at=now, learner_accepted_at=now,
    )  # fmt: skip
    if not Certificate.objects.filter(holder=placement.mentor).exists():
        imported_certificate(world, holder=placement.mentor, valid_until=today + timedelta(days=365))
    return placement


def _session_weeks_ago(placement, days):
    placement.coaching_sessions.update(date=timezone.localdate() - timedelta(days=days))


def _hours(placement, end_time):
    placement.hours_entries.update(end_time=end_time)


def _meeting_threshold(placement, weeks):
    HealthSettings.objects.update_or_create(school=placement.school, defaults={"meeting_weeks": weeks})


def _held_without_minutes(placement):
    meeting_at(placement, in_days(-20), status=Meeting.Status.CONFIRMED)


def _goal(placement, **fields):
    plan, _created = CoachingPlan.objects.get_or_create(placement=placement)
    LearningGoal.objects.create(
        plan=plan, title="Bakes bread", success_measure="Ten loaves",
        target_date=fields.pop("target_date", timezone.localdate() + timedelta(days=30)), **fields,
    )  # fmt: skip


def _awaiting_signature(placement, days):
    version = make_framework_version(areas=0)
    record = AssessmentRecord.objects.create(
        subject=placement.learner, placement=placement, framework_version=version, title="Mid-term",
        assessed_on=timezone.localdate(), status=AssessmentRecord.Status.AWAITING, created_by=placement.mentor,
    )  # fmt: skip
    signature = Signature.objects.create(
        record=record, role=Signature.Role.SUBJECT, user=placement.learner, name="Daan", email="daan@example.org"
    )
    Signature.objects.filter(pk=signature.pk).update(requested_at=timezone.now() - timedelta(days=days))


def _incident(placement, escalated=False):
    Incident.objects.create(
        placement=placement, category=Incident.Category.LATENESS, occurred_on=timezone.localdate(),
        description="Late", reported_by=placement.mentor, escalated_at=timezone.now() if escalated else None,
    )  # fmt: skip


def _certificate_expired(placement):
    Certificate.objects.filter(holder=placement.mentor).update(valid_until=timezone.localdate() - timedelta(days=1))


# signal code -> (what to break, level it then has, a piece of its reason)
BREAKS = {
    "no_session attention": ("no_session", lambda p: _session_weeks_ago(p, 25), 1, "logged for 3 weeks"),
    "no_session at risk": ("no_session", lambda p: _session_weeks_ago(p, 45), 2, "logged for 6 weeks"),
    "no_session never": ("no_session", lambda p: p.coaching_sessions.all().delete(), 2, "since the start, 8 weeks ago"),
    "hours_behind attention": ("hours_behind", lambda p: _hours(p, "14:00"), 1, "6 of the 8 hours expected to date"),
    "hours_behind at risk": ("hours_behind", lambda p: p.hours_entries.all().delete(), 2, "0 of the 8 hours"),
    "no_meeting": ("no_meeting", lambda p: _meeting_threshold(p, 4), 1, "No tripartite meeting since the start"),
    "minutes_open": ("minutes_open", _held_without_minutes, 1, "are not confirmed by everyone"),
    "goal overdue": ("goals_off_track", lambda p: _goal(p, target_date=timezone.localdate() - timedelta(days=1)), 1,
                     "1 goal is past its target date"),
    "goal off track": ("goals_off_track", lambda p: _goal(p, status=LearningGoal.Status.OFF_TRACK), 1,
                       "1 goal is rated off track"),
    "signatures_overdue": ("signatures_overdue", lambda p: _awaiting_signature(p, 20), 1,
                           "waiting for signatures for 20 days"),
    "incident open": ("incident", _incident, 1, "1 incident is open"),
    "incident escalated": ("incident", lambda p: _incident(p, escalated=True), 2, "1 escalated incident is open"),
    "certificate missing": ("certificate", lambda p: Certificate.objects.filter(holder=p.mentor).update(holder=None), 1,
                            "has no mentor certificate"),
    "certificate expired": ("certificate", _certificate_expired, 2, "certificate expired on"),
    "agreement": ("agreement", lambda p: p.mentoring_agreement.delete(), 1, "mentoring agreement is not accepted"),
}  # fmt: skip
