"""Reminding holders (and their employers) that a certificate is about to expire: once per certificate.

The ExpiryReminder row is the decision. It is created in the same transaction that queues the e-mail,
and its unique constraint settles two scans running at once: the second one gets an IntegrityError
and sends nothing.
"""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.outbox import enqueue

from ..models import Certificate, ExpiryReminder, RegistrySettings
from .selectors import not_renewed
from .tasks import send_expiry_reminder

# One kind for "the reminder before expiry", whatever number of days the school chose.
EXPIRY_REMINDER_KIND = "expiry_60"
DEFAULT_REMINDER_DAYS = RegistrySettings._meta.get_field("expiry_reminder_days").default


def reminder_candidates(today: date) -> list[Certificate]:
    """Valid, not renewed, not yet reminded certificates within their school's reminder window."""
    days_by_school = dict(RegistrySettings.objects.values_list("school_id", "expiry_reminder_days"))
    widest = max([DEFAULT_REMINDER_DAYS, *days_by_school.values()])
    certificates = (
        Certificate.objects.currently_valid(today)
        .filter(valid_until__lte=today + timedelta(days=widest))
        .filter(not_renewed())
        .exclude(expiry_reminders__kind=EXPIRY_REMINDER_KIND)
        .order_by("valid_until", "pk")
    )
    return [
        certificate
        for certificate in certificates
        if certificate.valid_until
        <= today + timedelta(days=days_by_school.get(certificate.school_id, DEFAULT_REMINDER_DAYS))
    ]


def expiry_reminders_send(*, today: date | None = None) -> int:
    """Decide and queue the reminders that are due; returns how many were decided in this scan."""
    today = today or timezone.localdate()
    decided = 0
    for certificate in reminder_candidates(today):
        try:
            with transaction.atomic():
                reminder = ExpiryReminder.objects.create(certificate=certificate, kind=EXPIRY_REMINDER_KIND)
                enqueue(send_expiry_reminder, reminder.pk)
        except IntegrityError:
            continue  # another scan decided first; it sends
        decided += 1
    return decided
