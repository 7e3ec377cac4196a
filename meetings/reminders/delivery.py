"""Sending one recorded reminder (or alert) exactly once.

The row is locked, checked and marked sent in the transaction that sends the e-mail and writes the in-app
notification. A second delivery of the same row (a duplicate task, a concurrent worker, a retry after the
send) waits for the lock, sees `sent_at` and does nothing. An SMTP error rolls the transaction back, so
`sent_at` stays empty and the retry sends; only a failure of the final commit itself could send twice.

A reminder that is no longer wanted when its turn comes (the meeting was cancelled or has begun, the minutes
were written or confirmed, the person chose fewer notifications) is withdrawn: its row is deleted, exactly as
if the scan had never decided it.
"""

import logging

from django.core import mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core.tasks import MAIL_ERRORS
from notifications.models import Notification
from notifications.services import level_allows, notify
from placements.models import Placement

from ..models import (
    Meeting,
    MeetingSettings,
    Minutes,
    MinutesConfirmation,
    Participant,
    PlacementAlert,
    ReminderLog,
)
from .emails import Prepared, alert_prepare, reminder_prepare
from .rules import BEFORE_PREFIX, CONFIRM_PREFIX, MINUTES_MISSING, NO_MEETING, rules_from

logger = logging.getLogger(__name__)


class DeliveryInterrupted(Exception):
    """The mail server failed part-way through a batch; `remaining` are the ids not yet delivered."""

    def __init__(self, remaining: list[int]):
        super().__init__(f"{len(remaining)} reminders not delivered")
        self.remaining = remaining


def _send(prepared: Prepared, connection) -> None:
    if connection is None:
        prepared.message.send()
    else:
        connection.send_messages([prepared.message])


def _still_wanted(log: ReminderLog, now) -> bool:
    participant, meeting = log.participant, log.meeting
    if participant.user is not None and not level_allows(participant.user, Notification.Level.NORMAL):
        return False
    if meeting.status == Meeting.Status.CANCELLED:
        return False
    if log.kind.startswith(BEFORE_PREFIX):
        return meeting.starts_at > now and participant.response != Participant.Response.DECLINED
    if log.kind == MINUTES_MISSING:
        return not Minutes.objects.filter(meeting_id=meeting.pk).exists()
    if log.kind.startswith(CONFIRM_PREFIX):
        awaiting = Minutes.objects.filter(meeting_id=meeting.pk, status=Minutes.Status.AWAITING).exists()
        confirmed = MinutesConfirmation.objects.filter(participant_id=participant.pk).exists()
        return awaiting and not confirmed and participant.response != Participant.Response.DECLINED
    return False


def deliver_reminder(log_id: int, *, connection=None) -> bool:
    """Send the reminder unless it was sent (or withdrawn) already; True when this call sent it."""
    try:
        with transaction.atomic():
            # No .first(): its ORDER BY costs more to compile than the whole lookup by primary key.
            log = next(
                iter(
                    ReminderLog.objects.select_for_update(of=("self",))
                    .select_related("participant__user", "meeting__placement__learner", "meeting__placement__company")
                    .filter(pk=log_id)
                ),
                None,
            )
            if log is None or log.sent_at is not None:
                return False
            now = timezone.now()
            if not _still_wanted(log, now):
                log.delete()
                return False
            prepared = reminder_prepare(log=log)
            _send(prepared, connection)
            if prepared.text:
                notify(log.participant.user, prepared.text, prepared.path, Notification.Level.NORMAL)
            log.sent_at, log.attempts = now, log.attempts + 1
            log.save(update_fields=["sent_at", "attempts"])
            return True
    except MAIL_ERRORS:
        # The send was rolled back; count the attempt outside it, so the admin sees it and the scan gives up
        # on an address that keeps failing (reminders.MAX_ATTEMPTS).
        ReminderLog.objects.filter(pk=log_id, sent_at__isnull=True).update(attempts=F("attempts") + 1)
        raise


def deliver_many(log_ids: list[int]) -> int:
    """Deliver a batch over one mail connection; DeliveryInterrupted carries what is left after a mail error."""
    sent = 0
    try:
        with mail.mailers.default as connection:
            for position, log_id in enumerate(log_ids):
                try:
                    sent += deliver_reminder(log_id, connection=connection)
                except MAIL_ERRORS as exc:
                    raise DeliveryInterrupted(log_ids[position:]) from exc
    except MAIL_ERRORS as exc:  # opening or closing the connection failed
        raise DeliveryInterrupted(log_ids) from exc
    return sent


def _alert_weeks(school_id: int) -> int:
    row = MeetingSettings.objects.filter(school_id=school_id).first()
    return rules_from(row or MeetingSettings()).alert_weeks


def deliver_alert(alert_id: int) -> bool:
    """Send the no-meeting alert to the supervisor unless sent already or no longer true; True when sent."""
    with transaction.atomic():
        alert = (
            PlacementAlert.objects.select_for_update(of=("self",))
            .select_related("placement__learner", "placement__supervisor", "placement__company")
            .filter(pk=alert_id, kind=NO_MEETING)
            .first()
        )
        if alert is None or alert.sent_at is not None:
            return False
        placement, supervisor = alert.placement, alert.placement.supervisor
        planned = placement.meetings.exclude(status=Meeting.Status.CANCELLED).filter(starts_at__gt=timezone.now())
        if (
            placement.status != Placement.Status.ACTIVE
            or not level_allows(supervisor, Notification.Level.ESSENTIAL)
            or planned.exists()
        ):
            alert.delete()  # a meeting got planned, the placement ended or the supervisor opted out
            return False
        prepared = alert_prepare(alert=alert, weeks=_alert_weeks(placement.school_id))
        _send(prepared, None)
        notify(supervisor, prepared.text, prepared.path, Notification.Level.ESSENTIAL)
        alert.sent_at = timezone.now()
        alert.save(update_fields=["sent_at"])
        return True


def deliver_in_process(log_ids: list[int], alert_ids: list[int]) -> None:
    """Deliver here and now (cron without a worker); what fails stays unsent and a later scan queues it again."""
    try:
        deliver_many(log_ids)
    except DeliveryInterrupted as exc:
        logger.exception("%s reminders could not be delivered; a later scan tries again.", len(exc.remaining))
    for alert_id in alert_ids:
        try:
            deliver_alert(alert_id)
        except MAIL_ERRORS:
            logger.exception("Alert %s could not be delivered; a later scan tries again.", alert_id)
