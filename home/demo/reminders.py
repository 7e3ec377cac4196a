"""Demo reminder settings and notifications. Rows are written directly: a seed never e-mails anyone.

Runs after home/demo/meetings.py. Every row has a natural key (school; user + text; placement + kind + period), so a
second run adds nothing.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from meetings.models import Meeting, MeetingSettings, PlacementAlert
from meetings.reminders.rules import LOCAL, NO_MEETING, alert_due, local_midnight, rules_from
from notifications.models import Notification
from placements.models import Placement


def _note(user, text: str, url: str, level: str = Notification.Level.NORMAL) -> None:
    Notification.objects.get_or_create(user=user, text=text, defaults={"url": url, "level": level})


def _meeting_reminders(placements: list[Placement], now: datetime) -> None:
    """The reminder of each demo meeting in the coming week to its mentor and supervisor, as if the scan sent it."""
    soon = Meeting.objects.filter(
        placement__in=placements,
        status__in=[Meeting.Status.PROPOSED, Meeting.Status.CONFIRMED],
        starts_at__gt=now,
        starts_at__lte=now + timedelta(days=8),
    ).select_related("placement__learner", "placement__mentor", "placement__supervisor")
    for meeting in soon:
        for user in (meeting.placement.mentor, meeting.placement.supervisor):
            with translation.override(user.language or settings.LANGUAGE_CODE):
                when = date_format(timezone.localtime(meeting.starts_at, LOCAL), "j F Y, H:i")
                text = _("Reminder: tripartite meeting about %(learner)s on %(when)s.") % {
                    "learner": meeting.placement.learner.get_full_name(),
                    "when": when,
                }
            _note(user, text, reverse("meeting_detail", args=[meeting.pk]))


def _no_meeting_alerts(placements: list[Placement], now: datetime) -> None:
    """An alert for each active demo placement that never had a meeting and has run for the school's period."""
    quiet = [p for p in placements if p.status == Placement.Status.ACTIVE and not p.meetings.exists()]
    for placement in quiet:
        weeks = rules_from(MeetingSettings.objects.get(school=placement.school)).alert_weeks
        found = alert_due(local_midnight(placement.start_date), weeks, now)
        if found is None:
            continue
        PlacementAlert.objects.get_or_create(
            placement=placement, kind=NO_MEETING, period=found[0], defaults={"sent_at": found[1]}
        )
        supervisor = placement.supervisor
        with translation.override(supervisor.language or settings.LANGUAGE_CODE):
            text = _("No tripartite meeting with %(learner)s for %(weeks)d weeks, and none planned.") % {
                "learner": placement.learner.get_full_name(),
                "weeks": weeks,
            }
        _note(supervisor, text, reverse("meeting_new", args=[placement.pk]), Notification.Level.ESSENTIAL)


def seed(placements: list, today) -> None:
    for school_id in {p.school_id for p in placements}:
        MeetingSettings.objects.get_or_create(school_id=school_id)
    now = datetime.combine(today, time(9), tzinfo=LOCAL)
    _meeting_reminders(placements, now)
    _no_meeting_alerts(placements, now)
