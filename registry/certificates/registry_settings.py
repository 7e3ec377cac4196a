"""Saving a school's certificate rules and branding; a replaced or cleared image file is removed."""

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from ..models import RegistrySettings

PLAIN_FIELDS = (
    "validity_years",
    "min_experience_years",
    "requires_good_conduct",
    "renewal_requires_refresher",
    "renewal_development_hours",
    "expiry_reminder_days",
    "publish_public_register",
    "certificate_language",
    "primary_colour",
    "signatory_name",
    "signatory_title",
)
FILE_FIELDS = ("logo", "signature")


@transaction.atomic
def registry_settings_update(*, rules: RegistrySettings, data: dict) -> RegistrySettings:
    locked = RegistrySettings.objects.select_for_update().get(pk=rules.pk)
    for name in PLAIN_FIELDS:
        if name in data:
            value = data[name]
            setattr(locked, name, value.strip() if isinstance(value, str) else value)
    stale = []
    for name in FILE_FIELDS:
        value = data.get(name)
        current = getattr(locked, name)
        if value is False or isinstance(value, UploadedFile):
            if current:
                stale.append((current.storage, current.name))
            setattr(locked, name, value or "")
    locked.full_clean(exclude=["school"])
    locked.save()
    # Old files go only once the new settings are saved for good.
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in stale])
    return locked
