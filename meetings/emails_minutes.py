"""E-mails about minutes, each rendered in the recipient's own language and the Dutch time zone."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from notifications.models import Notification
from notifications.services import level_allows

from .models import Minutes, Participant
from .selectors import MINUTES_LINK


def has_login(participant: Participant) -> bool:
    return participant.user is not None and participant.user.is_active


def confirmation_link(participant: Participant) -> str:
    """The app's minutes page for someone who can sign in; a signed link that needs no login otherwise."""
    if has_login(participant):
        return settings.SITE_URL + reverse("minutes_detail", args=[participant.meeting_id])
    token = MINUTES_LINK.make(participant)
    return settings.SITE_URL + reverse("minutes_confirm_signed", args=[token])


def wants_email(participant: Participant) -> bool:
    """A request to confirm is essential news; someone whose account was closed still gets the signed link."""
    return level_allows(participant.user if has_login(participant) else None, Notification.Level.ESSENTIAL)


def minutes_confirmation_request_send(*, minutes: Minutes, participant: Participant) -> bool:
    """Ask one participant to confirm the minutes; False when there is no one to tell."""
    if not participant.email or not wants_email(participant):
        return False
    meeting = minutes.meeting
    language = (participant.user.language if participant.user else "") or settings.LANGUAGE_CODE
    context = {
        "participant": participant,
        "minutes": minutes,
        "meeting": meeting,
        "placement": meeting.placement,
        "link": confirmation_link(participant),
        "signed": not has_login(participant),
        "valid_days": MINUTES_LINK.max_age.days,
    }
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        subject = "".join(render_to_string("emails/minutes_confirmation_request_subject.txt", context).splitlines())
        body = render_to_string("emails/minutes_confirmation_request.txt", context)
    EmailMessage(subject=subject, body=body, to=[participant.email]).send()
    return True
