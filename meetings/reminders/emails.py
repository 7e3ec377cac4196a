"""The words of a reminder or alert: its e-mail and its in-app text, in the recipient's language and Dutch time.

Building a message sends nothing; meetings/reminders/delivery.py sends it in the transaction that records the send.
"""

from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.emails import build_message, recipient_language, recipient_locale, site_link, site_url

from ..minutes.emails import confirmation_link
from ..models import PlacementAlert, ReminderLog
from ..selectors import RESPOND_LINK
from .rules import BEFORE_PREFIX, CONFIRM_PREFIX, MINUTES_MISSING


@dataclass(frozen=True)
class Prepared:
    """One reminder, ready to send: the e-mail, and the in-app text and path (empty without an account)."""

    message: EmailMessage
    text: str = ""
    path: str = ""


def _when(moment) -> str:
    return date_format(timezone.localtime(moment), "j F Y, H:i")


def _meeting_reminder(log: ReminderLog, context: dict) -> tuple[str, str, str]:
    participant, meeting = log.participant, log.meeting
    context["days"] = int(log.kind.removeprefix(BEFORE_PREFIX).removesuffix("d"))
    if participant.user_id:
        path = reverse("meeting_detail", args=[meeting.pk])
    else:  # no account: the signed link shows the meeting and takes an answer without signing in
        path = reverse("meeting_respond_signed", args=[RESPOND_LINK.make(participant)])
    context["link"] = site_url(path)
    text = _("Reminder: tripartite meeting about %(learner)s on %(when)s.") % context["names"]
    return "reminder_meeting", text, path


def _minutes_missing(log: ReminderLog, context: dict) -> tuple[str, str, str]:
    path = reverse("minutes_edit", args=[log.meeting_id])
    context["link"] = site_url(path) if log.participant.user_id else ""
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
    language = recipient_language(participant.user)
    with recipient_locale(language):
        placement = meeting.placement
        context = {
            "participant": participant,
            "meeting": meeting,
            "placement": placement,
            "names": {"learner": placement.learner.get_full_name(), "when": _when(meeting.starts_at)},
        }
        template, text, path = build(log, context)
        message = build_message(f"emails/{template}", context, language=language, to=participant.email)
    return Prepared(message, text if participant.user_id else "", path if participant.user_id else "")


def alert_prepare(*, alert: PlacementAlert, weeks: int) -> Prepared:
    """The no-meeting alert to the placement's supervisor (placement with learner and supervisor loaded)."""
    placement, supervisor = alert.placement, alert.placement.supervisor
    path = reverse("meeting_new", args=[placement.pk])
    language = recipient_language(supervisor)
    with recipient_locale(language):
        context = {
            "recipient": supervisor,
            "placement": placement,
            "weeks": weeks,
            "link": site_url(path),
            "placement_link": site_link("placement_detail", placement.pk),
        }
        message = build_message("emails/reminder_no_meeting", context, language=language, to=supervisor.email)
        text = _("No tripartite meeting with %(learner)s for %(weeks)d weeks, and none planned.") % {
            "learner": placement.learner.get_full_name(),
            "weeks": weeks,
        }
    return Prepared(message, text, path)
