"""The transactional outbox: `enqueue` a task with the change it belongs to; `send_once` an e-mail from a task.

Nothing goes straight onto the broker: a broker that is down, a worker that dies or a mail server that refuses
leaves the entry in the database, and the relay's periodic scan runs it again.
"""

from .enqueue import enqueue, enqueue_many
from .mail import send_once
from .relay import heartbeat

__all__ = ["enqueue", "enqueue_many", "heartbeat", "send_once"]
