"""Sending the weekly digest to everyone who did not get this week's, each person once per week.

Everything for all recipients is read in a fixed number of queries (oversight/digest/collect.py); then, per
person, the DigestSent row (unique per person and week) is written in the transaction that sends: a second run,
a retry or a second entry skips whoever has theirs.
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.outbox.mail import send_once
from core.outbox.relay import heartbeat

from ..models import DigestSent
from .collect import RowIndex, collect, digest_for
from .emails import digest_message

logger = logging.getLogger(__name__)


def send_weekly(*, now=None) -> int:
    """Send the digest to everyone who did not get this week's; returns how many e-mails went out."""
    batch = collect(timezone.localtime(now))
    incidents = {}
    for incident in batch.incidents:
        incidents.setdefault(incident.placement_id, []).append(incident)
    index = RowIndex(batch.rows)
    sent = 0
    lines = {}  # the placements' lines, built once per language for everyone who reads them
    for number, recipient in enumerate(batch.recipients):
        digest = digest_for(recipient, index, incidents)
        worth = digest.worth_sending(recipient.user)
        message = digest_message(recipient, digest, batch.week, lines) if worth else None
        try:
            with transaction.atomic():
                DigestSent.objects.create(user=recipient.user, week=batch.week, levels=digest.levels, emailed=worth)
                if message is not None:
                    send_once(message, part=f"digest:{recipient.user.pk}")
        except IntegrityError:  # another run wrote to this person meanwhile
            continue
        sent += worth
        if number % 50 == 49:
            heartbeat()
    logger.info("Weekly digest %s: %s e-mails to %s people.", batch.week, sent, len(batch.recipients))
    return sent
