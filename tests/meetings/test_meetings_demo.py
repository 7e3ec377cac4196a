"""The demo seed for meetings: believable, idempotent, and silent (no e-mail)."""

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from home.demo.meetings import seed
from meetings.models import Meeting, MeetingChange, Participant
from meetings.planning.selectors import invitations_waiting_for, upcoming_meetings_for
from notifications.models import Notification
from placements.models import Placement
from tests.helpers import queued_work


def test_seed_plans_believable_meetings_and_running_it_twice_adds_nothing(db, django_capture_on_commit_callbacks):
    call_command("demo", stdout=StringIO())
    placements = list(Placement.objects.with_people())
    today = timezone.localdate()
    notifications_before = Notification.objects.count()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        seed(placements, today)
        counts = (Meeting.objects.count(), Participant.objects.count(), MeetingChange.objects.count())
        seed(placements, today)
    assert queued_work(callbacks) == []
    assert mail.outbox == []
    assert Notification.objects.count() == notifications_before  # the seed itself notifies nobody
    assert (Meeting.objects.count(), Participant.objects.count(), MeetingChange.objects.count()) == counts == (3, 9, 3)

    demo = Placement.objects.get(learner__email="learner@demo.werkmentor.nl", status="active")
    coming, held = Meeting.objects.filter(placement=demo).order_by("-starts_at")
    assert coming.status == Meeting.Status.CONFIRMED
    assert timezone.localtime(coming.starts_at).date() == today + timedelta(days=7)
    assert set(coming.participants.values_list("response", flat=True)) == {"accepted"}
    assert timezone.localtime(held.starts_at).date() == today - timedelta(days=21)

    proposed = Meeting.objects.exclude(placement=demo).get()
    assert proposed.status == Meeting.Status.PROPOSED
    assert proposed.placement.supervisor.email == "supervisor@demo.werkmentor.nl"
    mentor = proposed.participants.get(role=Participant.Role.MENTOR)
    assert mentor.response == Participant.Response.PENDING
    assert mentor.user.email == "mentor@demo.werkmentor.nl"
    assert [p.meeting for p in invitations_waiting_for(mentor.user)] == [proposed]
    assert coming in list(upcoming_meetings_for(mentor.user))


def test_seed_on_a_later_day_moves_the_same_meetings(db):
    call_command("demo", stdout=StringIO())
    placements = list(Placement.objects.with_people())
    today = timezone.localdate()
    seed(placements, today)
    seed(placements, today + timedelta(days=3))
    assert Meeting.objects.count() == 3
