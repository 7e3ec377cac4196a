"""The words of a reminder or alert: its e-mail and its in-app text, in the recipient's language and Dutch time.

Building a message sends nothing; meetings/delivery.py sends it in the transaction that records the send.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User

from .emails_minutes import confirmation_link
from .models import PlacementAlert, ReminderLog
from .reminders import BEFORE_PREFIX, CONFIRM_PREFIX, MINUTES_MISSING
from .selectors import RESPOND_LINK


@dataclass(frozen=True)
class Prepared:
    """One reminder, ready to send: the e-mail, and the in-app text and path (empty without an account)."""

    message: EmailMessage
    text: str = ""
    path: str = ""


def _language(user: User | None) -> str:
    return (user.language if user else "") or settings.LANGUAGE_CODE


def _when(moment) -> str:
    return date_format(timezone.localtime(moment), "j F Y, H:i")


def _render(template: str, context: dict, to: str) -> EmailMessage:
    subject = "".join(render_to_string(f"emails/{template}_subject.txt", context).splitlines())
    body = render_to_string(f"emails/{template}.txt", context)
    return EmailMessage(subject=subject, body=body, to=[to])


def _meeting_reminder(log: ReminderLog, context: dict) -> tuple[str, str, str]:
    participant, meeting = log.participant, log.meeting
    context["days"] = int(log.kind.removeprefix(BEFORE_PREFIX).removesuffix("d"))
    if participant.user_id:
        path = reverse("meeting_detail", args=[meeting.pk])
    else:  # no account: the signed link shows the meeting and takes an answer without signing in
        path = reverse("meeting_respond_signed", args=[RESPOND_LINK.make(participant)])
    context["link"] = settings.SITE_URL + path
    text = _("Reminder: tripartite meeting about %(learner)s on %(when)s.") % context["names"]
    return "reminder_meeting", text, path


def _minutes_missing(log: ReminderLog, context: dict) -> tuple[str, str, str]:
    path = reverse("minutes_edit", args=[log.meeting_id])
    context["link"] = settings.SITE_URL + path if log.participant.user_id else ""
    text = _("No minutes yet of the tripartite meeting about %(learner)s on %(when)s.") % context["names"]
    return "reminder_minutes_missing", text, path


def _confirm_minutes(log: ReminderLog, context: dict) -> tuple[str, str, str]:
    context["link"] = confirmation_link(log.participant)
    context["signed"] = not log.participant.user_id
    text = _("Please confirm the minutes of the tripartite meeting about %(learner)s on %(when)s.") % context["names"]
    return "reminder_confirm_minutes", text, reverse("minutes_detail", args=[log.meeting_id])


BUILDERS = ((BEFORE_PREFIX, _meeting_reminder), (MINUTES_MISSING, _minutes_missing), (CONFIRM_PREFIX, _confirm_minutes))


def reminder_prepare(*, log: ReminderLog) -> Prepared:
    """The reminder `log` stands for, addressed to its participant (with participant, user and meeting loaded)."""
    participant, meeting = log.participant, log.meeting
    participant.meeting = meeting  # the same row, already loaded: signed links read its sequence
    build = next(builder for prefix, builder in BUILDERS if log.kind.startswith(prefix))
    with translation.override(_language(participant.user)), timezone.override(settings.TIME_ZONE):
        placement = meeting.placement
        context = {
            "participant": participant,
            "meeting": meeting,
            "placement": placement,
            "names": {"learner": placement.learner.get_full_name(), "when": _when(meeting.starts_at)},
        }
        template, text, path = build(log, context)
        message = _render(template, context, participant.email)
    return Prepared(message, text if participant.user_id else "", path if participant.user_id else "")


def alert_prepare(*, alert: PlacementAlert, weeks: int) -> Prepared:
    """The no-meeting alert to the placement's supervisor (placement with learner and supervisor loaded)."""
    placement, supervisor = alert.placement, alert.placement.supervisor
    path = reverse("meeting_new", args=[placement.pk])
    with translation.override(_language(supervisor)), timezone.override(settings.TIME_ZONE):
        context = {
            "recipient": supervisor,
            "placement": placement,
            "weeks": weeks,
            "link": settings.SITE_URL + path,
            "placement_link": settings.SITE_URL + reverse("placement_detail", args=[placement.pk]),
        }
        message = _render("reminder_no_meeting", context, supervisor.email)
        text = _("No tripartite meeting with %(learner)s for %(weeks)d weeks, and none planned.") % {
            "learner": placement.learner.get_full_name(),
            "weeks": weeks,
        }
    return Prepared(message, text, path)
