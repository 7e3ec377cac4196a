"""A person's calendar feed as iCalendar (RFC 5545), for subscribing in any calendar app.

Each appointment keeps its UID from one reading to the next, so a calendar updates it in place; SEQUENCE and
LAST-MODIFIED go up when it changes (a meeting counts its own changes; a course session and a planned coaching
session have no change counter and are replaced as they are read). A cancelled meeting or course stays in the
feed with STATUS:CANCELLED; what no longer concerns the person (a withdrawn enrolment) drops out.
Times are written in UTC; calendars show them in the reader's own time zone.
"""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from accounts.models import User
from core.emails import recipient_language, site_link
from meetings.models import Meeting
from meetings.planning.ics import ics_uid
from mentoring.models import CoachingSession, PlannedSession
from registry.models import Course, CourseSession

from . import selectors

PRODID = "-//Werkmentor//Calendar feed//EN"
UTC = ZoneInfo("UTC")
COACHING_MINUTES = 60


def _utc(moment):
    return moment.astimezone(UTC)


def _event(uid: str, start, end, summary: str, *, status: str, modified=None, sequence: int = 0, url="", where=""):
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", _utc(timezone.now()))
    event.add("dtstart", _utc(start))
    event.add("dtend", _utc(end))
    event.add("summary", summary)
    event.add("status", status)
    event.add("sequence", sequence)
    if modified is not None:
        event.add("last-modified", _utc(modified))
    if where:
        event.add("location", where)
    if url:
        event.add("url", url)
    return event


def _meeting(meeting: Meeting) -> Event:
    placement = meeting.placement
    status = {Meeting.Status.CANCELLED: "CANCELLED", Meeting.Status.CONFIRMED: "CONFIRMED"}.get(
        meeting.status, "TENTATIVE"
    )
    summary = _("Tripartite meeting: %(learner)s (%(company)s)") % {
        "learner": placement.learner.get_full_name(),
        "company": placement.company.name,
    }
    return _event(
        ics_uid(meeting),
        meeting.starts_at,
        meeting.starts_at + timedelta(minutes=meeting.duration_minutes),
        summary,
        status=status,
        modified=meeting.updated_at,
        sequence=meeting.sequence,
        url=site_link("meeting_detail", meeting.pk),
        where=meeting.location or meeting.online_link,
    )


def _course_session(session: CourseSession) -> Event:
    cancelled = session.course.status == Course.Status.CANCELLED
    return _event(
        f"course-session-{session.pk}@werkmentor",
        session.starts_at,
        session.ends_at,
        f"{session.course.title}: {session.title}",
        status="CANCELLED" if cancelled else "CONFIRMED",
        url=site_link("course_detail", session.course_id),
        where=session.location or session.online_link,
    )


def _coaching(session: CoachingSession) -> Event:
    placement = session.placement
    summary = _("Coaching session: %(learner)s (%(company)s)") % {
        "learner": placement.learner.get_full_name(),
        "company": placement.company.name,
    }
    start = session.next_session_on
    return _event(
        f"coaching-next-{session.pk}@werkmentor",
        start,
        start + timedelta(minutes=COACHING_MINUTES),
        summary,
        status="CONFIRMED",
        modified=session.created_at,
        url=site_link("mentoring_sessions", placement.pk),
    )


def _scheduled(planned: PlannedSession) -> Event:
    """A planned session of the schedule: at the agreed moment when there is one, else all day on its date."""
    placement = planned.placement
    summary = _("Coaching session: %(learner)s (%(company)s)") % {
        "learner": placement.learner.get_full_name(),
        "company": placement.company.name,
    }
    uid, url = f"coaching-planned-{planned.pk}@werkmentor", site_link("mentoring_schedule", placement.pk)
    if planned.agreed_at is not None:
        end = planned.agreed_at + timedelta(minutes=COACHING_MINUTES)
        return _event(uid, planned.agreed_at, end, summary, status="CONFIRMED", url=url)
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", _utc(timezone.now()))
    event.add("dtstart", planned.planned_on)
    event.add("dtend", planned.planned_on + timedelta(days=1))
    event.add("summary", summary)
    event.add("status", "TENTATIVE")
    event.add("url", url)
    return event


def feed_calendar(user: User) -> bytes:
    span = selectors.window()
    with translation.override(recipient_language(user)):
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", "Werkmentor")
        calendar.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", "PT1H")
        for meeting in selectors.meetings_of(user, span):
            calendar.add_component(_meeting(meeting))
        for session in selectors.course_sessions_of(user, span):
            calendar.add_component(_course_session(session))
        for session in selectors.planned_coaching_of(user, span):
            calendar.add_component(_coaching(session))
        for planned in selectors.scheduled_coaching_of(user, span):
            calendar.add_component(_scheduled(planned))
        return calendar.to_ical()
