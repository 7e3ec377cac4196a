"""Meeting invitations by e-mail, in the participant's language, with the calendar invitation attached."""

from email.message import MIMEPart

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .ics import CANCEL, ics_filename, meeting_calendar
from .models import Meeting, MeetingChange, Participant
from .selectors import RESPOND_LINK


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
    detail_link = settings.SITE_URL + reverse("meeting_detail", args=[meeting.pk]) if user else ""
    answer_link = ""
    if not cancelled:
        token = RESPOND_LINK.make(participant)
        answer_link = settings.SITE_URL + reverse("meeting_respond_signed", args=[token])
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
    language = (user.language if user else "") or settings.LANGUAGE_CODE
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        subject = "".join(render_to_string(f"emails/{template}_subject.txt", context).splitlines())
        body = render_to_string(f"emails/{template}.txt", context)
        ics = meeting_calendar(meeting, method=method, link=detail_link or answer_link)
    message = EmailMessage(subject=subject, body=body, to=[participant.email])
    message.attach(_calendar_part(ics, method))
    message.send()
    return True
