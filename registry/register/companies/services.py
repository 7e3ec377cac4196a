"""Writing a company's accreditation. Its history (who, when, from what to what) is kept by simple-history."""

from django.db import transaction

from accounts.models import Company, User

ACCREDITATION_FIELDS = (
    "accreditation_status",
    "accreditation_reason",
    "recognition_number",
    "accredited_on",
    "accreditation_valid_until",
)


@transaction.atomic
def change_accreditation(*, company: Company, changes: dict, by: User) -> Company:
    """Set the accreditation fields from a validated AccreditationForm's cleaned data.

    The row is locked and only these fields are written, so a company admin editing the profile at the same
    moment neither loses their change nor overwrites this one.
    """
    locked = Company.objects.select_for_update().get(pk=company.pk)
    changed = [name for name in ACCREDITATION_FIELDS if getattr(locked, name) != changes[name]]
    if not changed:
        return locked
    for name in changed:
        setattr(locked, name, changes[name])
    locked._history_user = by  # also when called outside a request (the middleware gives it inside one)
    locked.full_clean(exclude=[f.name for f in Company._meta.fields if f.name not in ACCREDITATION_FIELDS])
    locked.save(update_fields=changed)
    return locked
