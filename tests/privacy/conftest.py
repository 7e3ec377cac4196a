"""A small cast for the privacy tests: the world's placement with a second one next to it (another learner,
another mentor), each with its own coaching content, so an export can be checked for what it must leave out."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from mentoring.models import CoachingSession, CriticalSituation, HoursEntry, PlannedSession, PrivateNote
from notifications.models import Notification
from placements.models import LearnerRecord
from tests.factories import make_placement
from tests.meetings.factories_meetings import make_goal
from tests.registry.factories_certificates import imported_certificate


@pytest.fixture
def fast_pdfs(monkeypatch):
    """The export's PDFs as a marker: WeasyPrint is tested where the documents are; one test here renders."""
    monkeypatch.setattr("privacy.export.archive.certificate_pdf", lambda certificate: b"%PDF-certificate")
    monkeypatch.setattr("privacy.export.archive.render_record_pdf", lambda record, language=None: b"%PDF-record")


@pytest.fixture
def cast(world):
    w = world
    today = timezone.localdate()
    other = make_placement(
        school=w.school,
        company=w.company,
        learner=w.other_learner,
        mentor=w.colleague_mentor,
        supervisor=w.colleague_teacher,
        programme=w.programme,
    )
    session = CoachingSession.objects.create(
        placement=w.placement, date=today - timedelta(days=3), duration_minutes=45, coached_by=w.mentor,
        created_by=w.mentor, activities="MINE-SESSION kneading", learner_reflection="LEARNER-REFLECTION",
    )  # fmt: skip
    CoachingSession.objects.create(
        placement=other, date=today - timedelta(days=2), duration_minutes=30, coached_by=w.colleague_mentor,
        created_by=w.colleague_mentor, activities="OTHER-MENTOR-SESSION",
    )  # fmt: skip
    PrivateNote.objects.create(session=session, author=w.mentor, text="MENTOR-PRIVATE")
    PrivateNote.objects.create(session=session, author=w.supervisor, text="SUPERVISOR-PRIVATE")
    make_goal(w, "GOAL-DAAN")
    make_goal(w, "GOAL-OTHER", placement=other)
    HoursEntry.objects.create(
        placement=w.placement, date=today - timedelta(days=1), start_time="08:00", end_time="12:00",
        description="HOURS-DAAN",
    )  # fmt: skip
    CriticalSituation.objects.create(
        placement=w.placement, category="gifts", occurred_on=today, description="CRITICAL-MENTOR", recorded_by=w.mentor
    )
    PlannedSession.objects.create(placement=w.placement, slot=1, planned_on=today, prep_questions="PREP-DAAN")
    PlannedSession.objects.create(placement=other, slot=1, planned_on=today, prep_questions="PREP-OTHER")
    Notification.objects.create(user=w.learner, text="NOTE-DAAN")
    Notification.objects.create(user=w.other_learner, text="NOTE-OTHER")
    LearnerRecord.objects.create(
        user=w.learner, school=w.school, student_number="S-1001", guardian_name="GUARDIAN-JANSEN",
        guardian_email="guardian@example.org",
    )  # fmt: skip
    return SimpleNamespace(
        world=w,
        other_placement=other,
        session=session,
        certificate=imported_certificate(w, holder=w.mentor),
        colleague_certificate=imported_certificate(w, holder=w.colleague_mentor),
    )
