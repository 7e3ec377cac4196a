"""Calendar invitations (.ics, iTIP REQUEST and CANCEL) for a tripartite meeting.

Times are written in Europe/Amsterdam with a TZID and a VTIMEZONE that states the EU rule (last Sunday
of March and of October), so a calendar shows the local time the organiser chose, also across a change
of the clocks. Calendars replace an invitation with the same UID only when SEQUENCE goes up.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vCalAddress, vText

from ..models import Meeting, Participant

REQUEST = "REQUEST"
CANCEL = "CANCEL"
METHODS = (REQUEST, CANCEL)
TZID = "Europe/Amsterdam"
PRODID = "-//Werkmentor//Tripartite meetings//EN"

PARTSTAT = {
    Participant.Response.PENDING: "NEEDS-ACTION",
    Participant.Response.ACCEPTED: "ACCEPTED",
    Participant.Response.DECLINED: "DECLINED",
    # iCalendar has no "proposed another time"; tentative is what calendars show for "not like this".
    Participant.Response.PROPOSED: "TENTATIVE",
}
REQUIRED_ROLES = (Participant.Role.LEARNER, Participant.Role.MENTOR, Participant.Role.SUPERVISOR)


def ics_uid(meeting: Meeting) -> str:
    return f"{meeting.uid}@werkmentor"


def _amsterdam_vtimezone() -> Timezone:
    zone = Timezone()
    zone.add("tzid", TZID)
    for kind, name, start, month, before, after in (
        (TimezoneDaylight, "CEST", datetime(1970, 3, 29, 2), 3, 1, 2),  # noqa: DTZ001 (local rule times)
        (TimezoneStandard, "CET", datetime(1970, 10, 25, 3), 10, 2, 1),  # noqa: DTZ001
    ):
        rule = kind()
        rule.add("dtstart", start)
        rule.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        rule.add("tzname", name)
        rule.add("tzoffsetfrom", timedelta(hours=before))
        rule.add("tzoffsetto", timedelta(hours=after))
        zone.add_component(rule)
    return zone


def _address(email: str, name: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    address.params["CN"] = vText(name or email)
    return address


def _summary(meeting: Meeting) -> str:
    placement = meeting.placement
    if meeting.kind == Meeting.Kind.VISIT:
        return _("Workplace visit: %(learner)s (%(company)s)") % {
            "learner": placement.learner.get_full_name(),
            "company": placement.company.name,
        }
    return _("Tripartite meeting: %(learner)s (%(company)s)") % {
        "learner": placement.learner.get_full_name(),
        "company": placement.company.name,
    }


def _description(meeting: Meeting, link: str) -> str:
    parts = []
    if meeting.online_link:
        parts.append(_("Online: %(link)s") % {"link": meeting.online_link})
    if meeting.agenda.strip():
        parts.append(_("Agenda") + ":\n" + meeting.agenda.strip())
    if link:
        parts.append(_("Answer the invitation or see the details: %(link)s") % {"link": link})
    return "\n\n".join(parts)


def meeting_calendar(meeting: Meeting, *, method: str, link: str = "") -> bytes:
    """The invitation (REQUEST) or cancellation (CANCEL) as .ics bytes; `link` goes into the description."""
    if method not in METHODS:
        raise ValueError(f"Unknown iTIP method: {method!r}")
    local = ZoneInfo(TZID)
    starts_at = meeting.starts_at.astimezone(local)

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    calendar.add_component(_amsterdam_vtimezone())

    event = Event()
    event.add("uid", ics_uid(meeting))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now().astimezone(ZoneInfo("UTC")))
    event.add("dtstart", starts_at)
    event.add("dtend", starts_at + timedelta(minutes=meeting.duration_minutes))
    event.add("summary", _summary(meeting))
    event.add("location", meeting.location or meeting.online_link)
    if meeting.online_link:
        event.add("url", meeting.online_link)
    event.add("description", _description(meeting, link))
    if method == CANCEL or meeting.status == Meeting.Status.CANCELLED:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED" if meeting.status == Meeting.Status.CONFIRMED else "TENTATIVE")

    organiser = meeting.organiser
    event.add("organizer", _address(organiser.email, organiser.get_full_name()))
    for participant in meeting.participants.all():
        attendee = _address(participant.email, participant.name)
        attendee.params["CUTYPE"] = "INDIVIDUAL"
        attendee.params["ROLE"] = "REQ-PARTICIPANT" if participant.role in REQUIRED_ROLES else "OPT-PARTICIPANT"
        attendee.params["PARTSTAT"] = PARTSTAT[participant.response]
        # Answers are recorded in Werkmentor (with a reason or another time); a calendar's own reply would
        # only reach the organiser's mailbox, so calendars are asked not to send one.
        attendee.params["RSVP"] = "FALSE"
        event.add("attendee", attendee)
    calendar.add_component(event)
    return calendar.to_ical()


def ics_filename(method: str) -> str:
    return "cancel.ics" if method == CANCEL else "invite.ics"


def download_method(meeting: Meeting) -> str:
    """What the download carries: like the e-mail, a cancelled meeting is a CANCEL (STATUS:CANCELLED)."""
    return CANCEL if meeting.status == Meeting.Status.CANCELLED else REQUEST


def download_filename(meeting: Meeting, method: str) -> str:
    """A name that tells downloads of different meetings apart, e.g. meeting-2026-05-12.ics."""
    day = meeting.starts_at.astimezone(ZoneInfo(TZID)).date().isoformat()
    return f"meeting-{day}-cancelled.ics" if method == CANCEL else f"meeting-{day}.ics"
