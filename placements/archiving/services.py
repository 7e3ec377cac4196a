"""Archiving and restoring a placement. Its records stay as they are: only the placement leaves the lists."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from ..models import Placement


def archive_refusal(placement: Placement) -> str:
    """Why `placement` cannot be archived now, or "" when it can."""
    if placement.is_open:
        return _("This placement is still %(status)s: end the placement first, then archive it.") % {
            "status": placement.get_status_display()
        }
    if placement.is_archived:
        return _("This placement is already archived.")
    return ""


def restore_refusal(placement: Placement) -> str:
    """Why `placement` cannot be restored now, or "" when it can."""
    return "" if placement.is_archived else _("This placement is not archived.")


def _check_locked(placement: Placement, refusal) -> None:
    # Re-read under a row lock, so that a status change or a second click cannot race the check.
    current = Placement.objects.select_for_update().get(pk=placement.pk)
    reason = refusal(current)
    if reason:
        raise ValidationError(reason)


@transaction.atomic
def archive_placement(placement: Placement, by: User | None) -> Placement:
    """Archive an ended placement (completed or ended early); an open one is refused."""
    _check_locked(placement, archive_refusal)
    placement.archived_at = timezone.now()
    placement.archived_by = by
    placement.save(update_fields=["archived_at", "archived_by", "updated_at"])
    return placement


@transaction.atomic
def restore_placement(placement: Placement, by: User | None = None) -> Placement:
    """Bring an archived placement back into the lists. `by` is taken for symmetry with archiving: restoring
    only clears the archive fields."""
    _check_locked(placement, restore_refusal)
    placement.archived_at = None
    placement.archived_by = None
    placement.save(update_fields=["archived_at", "archived_by", "updated_at"])
    return placement
