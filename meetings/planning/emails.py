"""Meeting invitations by e-mail, in the participant's language, with the calendar invitation attached."""

from email.message import MIMEPart

from core.emails import build_message, recipient_language, recipient_locale, site_link
from core.outbox import send_once

from ..models import Meeting, MeetingChange, Participant
from ..selectors import RESPOND_LINK
from .ics import CANCEL, ics_filename, meeting_calendar


def _calendar_part(ics: bytes, method: str) -> MIMEPart:
    # Calendars recognise an invitation by "text/calendar; method=..."; Django's attach() has no parameters.
    part = MIMEPart()
    part.set_content(
        ics.decode(),
        subtype="calendar",
        charset="utf-8",
        params={"method": method},
        disposition="attachment",
        filename=ics_filename(method),
    )
    return part


def invitation_email_send(*, meeting: Meeting, participant: Participant, method: str) -> bool:
    """Send the invitation (or cancellation) to one participant; False when there is no one to send it to."""
    user = participant.user
    if user is not None and not user.is_active:
        return False
    cancelled = method == CANCEL
    detail_link = site_link("meeting_detail", meeting.pk) if user else ""
    answer_link = ""
    if not cancelled:
        answer_link = site_link("meeting_respond_signed", RESPOND_LINK.make(participant))
    change = meeting.changes.exclude(kind=MeetingChange.Kind.PLANNED).order_by("-at", "-pk").first()
    context = {
        "meeting": meeting,
        "placement": meeting.placement,
        "recipient": participant,
        "participants": list(meeting.participants.all()),
        "change": change,
        "detail_link": detail_link,
        "answer_link": answer_link,
        "link_days": RESPOND_LINK.max_age.days,
    }
    template = "meeting_cancelled" if cancelled else "meeting_invitation"
    language = recipient_language(user)
    with recipient_locale(language):
        ics = meeting_calendar(meeting, method=method, link=detail_link or answer_link)
    calendar = _calendar_part(ics, method)
    send_once(
        build_message(f"emails/{template}", context, language=language, to=participant.email, attachments=[calendar])
    )
    return True
