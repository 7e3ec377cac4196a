"""E-mails about minutes, each rendered in the recipient's own language and the Dutch time zone."""

from core.emails import build_message, has_login, recipient_language, site_link
from core.outbox import send_once
from notifications.models import Notification
from notifications.services import level_allows

from ..models import Minutes, Participant
from ..selectors import MINUTES_LINK


def confirmation_link(participant: Participant) -> str:
    """The app's minutes page for someone who can sign in; a signed link that needs no login otherwise."""
    if has_login(participant.user):
        return site_link("minutes_detail", participant.meeting_id)
    return site_link("minutes_confirm_signed", MINUTES_LINK.make(participant))


def wants_email(participant: Participant) -> bool:
    """A request to confirm is essential news; someone whose account was closed still gets the signed link."""
    return level_allows(participant.user if has_login(participant.user) else None, Notification.Level.ESSENTIAL)


def minutes_confirmation_request_send(*, minutes: Minutes, participant: Participant) -> bool:
    """Ask one participant to confirm the minutes; False when there is no one to tell."""
    if not participant.email or not wants_email(participant):
        return False
    meeting = minutes.meeting
    context = {
        "participant": participant,
        "minutes": minutes,
        "meeting": meeting,
        "placement": meeting.placement,
        "link": confirmation_link(participant),
        "signed": not has_login(participant.user),
        "valid_days": MINUTES_LINK.max_age.days,
    }
    language = recipient_language(participant.user)
    send_once(build_message("emails/minutes_confirmation_request", context, language=language, to=participant.email))
    return True
