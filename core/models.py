from .outbox.models import OutboxDelivery, OutboxEntry

__all__ = ["OutboxDelivery", "OutboxEntry"]
