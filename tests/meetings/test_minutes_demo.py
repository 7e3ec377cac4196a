"""The demo minutes: the held meeting's minutes wait for the demo learner; idempotent and silent."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from home.demo import meetings as demo_meetings
from home.demo.minutes import seed
from meetings.minutes.selectors import minutes_waiting_for, minutes_waiting_on_others
from meetings.models import GoalProgress, Meeting, Minutes, MinutesConfirmation
from mentoring.models import ActionItem
from mentoring.selectors import open_action_items
from placements.models import Placement
from tests.helpers import queued_work


@pytest.fixture
def demo(db):
    call_command("demo", "--quiet-logins", stdout=StringIO())
    return list(Placement.objects.with_people()), timezone.localdate()


def counts():
    return [model.objects.count() for model in (Meeting, Minutes, GoalProgress, MinutesConfirmation, ActionItem)]


@pytest.mark.parametrize("meetings_seeded_first", [True, False])
def test_seed_leaves_minutes_waiting_for_the_demo_learner_and_a_second_run_adds_nothing(
    demo, django_capture_on_commit_callbacks, meetings_seeded_first
):
    placements, today = demo
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        if meetings_seeded_first:
            demo_meetings.seed(placements, today)
        seed(placements, today)
        demo_meetings.seed(placements, today)  # finds the held meeting by its UID, whichever seed made it
        after_first = counts()
        demo_meetings.seed(placements, today)
        seed(placements, today)
    assert counts() == after_first
    assert queued_work(callbacks) == []
    assert mail.outbox == []

    minutes = Minutes.objects.get(meeting__placement__learner__email="learner@demo.werkmentor.nl")
    meeting = minutes.meeting
    assert minutes.status == Minutes.Status.AWAITING
    assert (today - timezone.localtime(meeting.starts_at).date()).days == 21
    assert minutes.goal_progress.count() == 2
    [agreement] = ActionItem.objects.filter(meeting=meeting)
    assert agreement in open_action_items(placement=meeting.placement)
    confirmed = set(minutes.confirmations.values_list("participant__role", flat=True))
    assert confirmed == {"mentor", "supervisor"}
    past = Meeting.objects.filter(placement=meeting.placement, starts_at__lt=timezone.now())
    assert list(past) == [meeting]

    learner = User.objects.get(email="learner@demo.werkmentor.nl")
    mentor = User.objects.get(email="mentor@demo.werkmentor.nl")
    assert list(minutes_waiting_for(learner)) == [minutes]
    [row] = minutes_waiting_on_others(mentor)
    assert [p.user for p in row.missing] == [learner]


def test_a_confirmation_given_in_the_demo_survives_seeding_again(demo):
    placements, today = demo
    seed(placements, today)
    minutes = Minutes.objects.get()
    learner_row = minutes.meeting.participants.get(role="learner")
    MinutesConfirmation.objects.create(minutes=minutes, participant=learner_row)
    Minutes.objects.filter(pk=minutes.pk).update(status=Minutes.Status.CONFIRMED)
    seed(placements, today)
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.CONFIRMED
    assert minutes.confirmations.count() == 3
