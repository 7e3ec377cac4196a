"""Each recipient of an outbox entry gets its e-mail at most once, however often the entry is run."""

from contextvars import ContextVar

from django.db import transaction
from django.utils import timezone

from .models import OutboxDelivery

# The entry whose task is running in this thread (set by the relay).
current_entry_id: ContextVar[int | None] = ContextVar("current_outbox_entry", default=None)


def send_once(message, *, part: str = "") -> bool:
    """Send `message` unless this entry sent it to these recipients before; True when it went out now.

    The delivery row is locked and marked in the transaction that sends: a failing send leaves it unmarked, a
    second runner of the same entry waits for the first and then skips.
    """
    entry_id = current_entry_id.get()
    if entry_id is None:  # outside the outbox (a management command, the shell): nothing to remember
        message.send()
        return True
    recipient = ", ".join(address.lower() for address in [*message.to, *message.cc, *message.bcc])[:500]
    with transaction.atomic():
        OutboxDelivery.objects.get_or_create(entry_id=entry_id, recipient=recipient, part=part)
        delivery = OutboxDelivery.objects.select_for_update().get(entry_id=entry_id, recipient=recipient, part=part)
        if delivery.sent_at is not None:
            return False
        message.send()
        delivery.sent_at = timezone.now()
        delivery.save(update_fields=["sent_at"])
    return True
