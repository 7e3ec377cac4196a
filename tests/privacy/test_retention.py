"""Retention: the dry run changes nothing; the job, with time moved past the periods, anonymises and keeps counts."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from mentoring.models import CoachingSession, HoursEntry, LearningGoal, PrivateNote
from placements.models import LearnerRecord, Placement
from privacy import retention
from privacy.anonymise import REMOVED
from privacy.models import RetentionSettings
from privacy.tasks import apply_retention, queue_retention
from tests.factories import make_placement

PERSONAL_MARKERS = ("Daan", "Jansen", "learner@example.org", "GUARDIAN", "guardian@example.org", "S-1001")


@pytest.fixture
def ended(cast):
    """The world's placement ended a month ago; the school keeps coaching 1 year and personal data 2 years."""
    placement = cast.world.placement
    today = timezone.localdate()
    Placement.objects.filter(pk=placement.pk).update(
        status=Placement.Status.COMPLETED, start_date=today - timedelta(days=200), end_date=today - timedelta(days=30)
    )
    RetentionSettings.objects.create(school=cast.world.school, coaching_years=1, personal_years=2)
    return cast


def switch_on(school):
    RetentionSettings.objects.filter(school=school).update(enabled_at=timezone.now())


def snapshot():
    return {
        "sessions": list(CoachingSession.objects.values_list("activities", "learner_reflection").order_by("pk")),
        "users": list(User.objects.values_list("first_name", "email").order_by("pk")),
        "records": list(LearnerRecord.objects.values_list("guardian_name", "student_number")),
        "goals": list(LearningGoal.objects.values_list("title", flat=True).order_by("pk")),
    }


def test_nothing_is_due_before_the_period(ended):
    assert retention.plan(ended.world.school).is_empty


def test_the_dry_run_lists_what_would_go_and_changes_nothing(ended, client):
    before = snapshot()
    with time_machine.travel(timezone.now() + timedelta(days=800), tick=False):
        found = retention.plan(ended.world.school)
        assert [p.pk for p in found.coaching] == [ended.world.placement.pk]
        assert [p.pk for p in found.personal] == [ended.world.placement.pk]
        call_command("retention", "--dry-run")
        client.force_login(ended.world.coordinator)
        page = client.get(reverse("privacy_retention"))
        assert page.status_code == 200 and "Daan Jansen" in page.text
        # Not switched on: the daily job leaves the school alone.
        assert queue_retention() == 0
        call_command("retention")
    assert snapshot() == before


def test_the_job_past_the_periods_anonymises_the_rows_and_keeps_the_counts(
    ended, tasks_in_process, django_capture_on_commit_callbacks
):
    world = ended.world
    switch_on(world.school)
    counts = (Placement.objects.count(), CoachingSession.objects.count(), HoursEntry.objects.count())
    later = time_machine.travel(timezone.now() + timedelta(days=800), tick=False)
    with later, django_capture_on_commit_callbacks(execute=True):
        assert queue_retention() == 1
    assert (Placement.objects.count(), CoachingSession.objects.count(), HoursEntry.objects.count()) == counts
    session = CoachingSession.objects.get(pk=ended.session.pk)
    learner = User.objects.get(pk=world.learner.pk)
    record = LearnerRecord.objects.get(user=learner)
    rows = [
        str(list(CoachingSession.objects.filter(placement=world.placement).values())),
        str(list(LearningGoal.objects.filter(plan__placement=world.placement).values())),
        str(list(HoursEntry.objects.filter(placement=world.placement).values())),
        str(User.objects.filter(pk=learner.pk).values("first_name", "last_name", "email", "phone").get()),
        str(LearnerRecord.objects.filter(pk=record.pk).values().get()),
    ]
    for marker in PERSONAL_MARKERS + ("MINE-SESSION", "LEARNER-REFLECTION", "GOAL-DAAN", "HOURS-DAAN"):
        assert not any(marker in row for row in rows), marker
    assert session.activities == REMOVED and learner.first_name == REMOVED and not learner.is_active
    assert not PrivateNote.objects.filter(session=session).exists()
    # The other placement (still running) and its people are untouched.
    assert CoachingSession.objects.get(placement=ended.other_placement).activities == "OTHER-MENTOR-SESSION"
    assert User.objects.get(pk=world.other_learner.pk).is_active
    # Run again: nothing left to do.
    with time_machine.travel(timezone.now() + timedelta(days=800), tick=False):
        assert apply_retention(world.school.pk) == {"coaching": 0, "personal": 0}


def test_between_the_periods_only_the_coaching_content_goes(ended):
    switch_on(ended.world.school)
    with time_machine.travel(timezone.now() + timedelta(days=400), tick=False):
        assert apply_retention(ended.world.school.pk) == {"coaching": 1, "personal": 0}
    assert CoachingSession.objects.get(pk=ended.session.pk).activities == REMOVED
    assert User.objects.get(pk=ended.world.learner.pk).first_name == "Daan"


def test_a_learner_with_a_newer_placement_keeps_their_name_until_that_one_is_due(ended):
    world = ended.world
    make_placement(school=world.school, company=world.company, learner=world.learner, programme=world.programme)
    switch_on(world.school)
    with time_machine.travel(timezone.now() + timedelta(days=800), tick=False):
        found = retention.plan(world.school)
        assert found.personal == [] and [p.pk for p in found.waiting] == [world.placement.pk]
        apply_retention(world.school.pk)
    assert User.objects.get(pk=world.learner.pk).first_name == "Daan"


def test_the_coordinator_sets_the_periods_and_switches_the_job_on(client, world):
    client.force_login(world.coordinator)
    url = reverse("privacy_retention")
    bad = client.post(url, {"coaching_years": 5, "personal_years": 3, "enabled": "on"})
    assert bad.status_code == 400
    assert client.post(url, {"coaching_years": 2, "personal_years": 5, "enabled": "on"}).status_code == 302
    rules = RetentionSettings.objects.get(school=world.school)
    assert (rules.coaching_years, rules.personal_years, rules.enabled_by) == (2, 5, world.coordinator)
    client.post(url, {"coaching_years": 2, "personal_years": 5})
    rules.refresh_from_db()
    assert rules.enabled_at is None


def test_the_privacy_page_is_public_and_shows_the_schools_periods_when_signed_in(client, world):
    page = client.get(reverse("privacy_statement"))
    assert page.status_code == 200 and "after 2 years" in page.text
    RetentionSettings.objects.create(school=world.school, coaching_years=3, personal_years=9)
    client.force_login(world.learner)
    page = client.get(reverse("privacy_statement"))
    assert "Rijnland Vakcollege: coaching content 3 years, personal data 9 years" in page.text
    assert reverse("privacy_statement") in client.get(reverse("dashboard")).text
