"""The outbox: every e-mail and background job is a row, written in the transaction of the change it belongs to.

An entry names a Celery task and its arguments. The relay (core/outbox/relay.py) runs it after the commit and
again after any failure, until it succeeds or its retries run out (then it is parked as failed for staff). An
entry that sends e-mail records one delivery per recipient, marked in the transaction that sends, so a retried
entry never writes to the same person twice.
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_key() -> str:
    return uuid.uuid4().hex


class OutboxEntry(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    # A business change that may happen twice (a retried request) names its message, so it is written once.
    key = models.CharField(_("idempotency key"), max_length=200, unique=True, default=new_key)
    task_name = models.CharField(_("task"), max_length=200)
    args = models.JSONField(_("arguments"), default=list)
    kwargs = models.JSONField(_("keyword arguments"), default=dict)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    # Who runs an entry holds it until then; an entry whose runner died is taken up again after it.
    lease_until = models.DateTimeField(_("held until"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing message or job")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"]), models.Index(fields=["status", "lease_until"])]

    def __str__(self):
        return f"{self.task_name} {self.args} ({self.get_status_display()})"


class OutboxDelivery(models.Model):
    """One recipient of one entry: present with sent_at once the message to them went out."""

    entry = models.ForeignKey(OutboxEntry, on_delete=models.CASCADE, related_name="deliveries")
    recipient = models.CharField(_("recipient"), max_length=500)
    # Which of an entry's messages, when it sends the same person more than one.
    part = models.CharField(max_length=100, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["entry", "recipient", "part"], name="outbox_delivery_once_per_recipient")
        ]

    def __str__(self):
        return self.recipient
