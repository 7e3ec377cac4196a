"""Writes of placement health: a school's thresholds, and queueing a refresh of the school's placements."""

from django.db import transaction
from django.utils import timezone

from accounts.models import School
from core.outbox.enqueue import enqueue

from ..models import HealthSettings


def health_settings_update(*, school: School, data: dict) -> HealthSettings:
    """Save the school's thresholds and queue a recomputation, which applies them to every placement at once."""
    from .tasks import refresh_all

    with transaction.atomic():
        rules, _created = HealthSettings.objects.update_or_create(
            school=school, defaults={name: data[name] for name in HealthSettings.THRESHOLDS}
        )
        # One refresh per minute however often the form is saved: later saves find the key taken.
        enqueue(refresh_all, key=f"placement-health-all:{timezone.now():%Y%m%d%H%M}")
    return rules
