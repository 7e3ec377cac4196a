"""The demo seed for reminders: believable notifications, idempotent, and silent (no e-mail, nothing queued)."""

from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from home.demo.reminders import seed
from meetings.models import MeetingSettings, PlacementAlert
from notifications.models import Notification
from placements.models import Placement
from tests.helpers import queued_work


def test_seed_adds_settings_and_notifications_once_and_sends_nothing(db, django_capture_on_commit_callbacks):
    call_command("demo", stdout=StringIO())
    placements = list(Placement.objects.with_people())
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        seed(placements, today)
        counts = (MeetingSettings.objects.count(), Notification.objects.count(), PlacementAlert.objects.count())
        seed(placements, today)
    assert queued_work(callbacks) == []
    assert mail.outbox == []
    assert (MeetingSettings.objects.count(), Notification.objects.count(), PlacementAlert.objects.count()) == counts
    assert MeetingSettings.objects.filter(school__name="Rijnland Vakcollege").exists()
    supervisor_news = Notification.objects.filter(user__email="supervisor@demo.werkmentor.nl")
    assert supervisor_news.filter(text__startswith="Reminder: tripartite meeting about").exists()
