"""Writing a placement plan (placements/imports/placement_plan.py) with bulk queries and their audit history."""

from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from accounts.models import User

from ..models import Placement
from .placement_plan import PlacementPlan

BATCH = 1000
UPDATED_FIELDS = ["end_date", "hours_per_week", "mentor", "supervisor", "programme", "updated_at"]


def apply_placements(plan: PlacementPlan, *, by: User | None) -> None:
    # Placements are audited (home/history/): bulk writes say so, with the importing coordinator as the author.
    bulk_create_with_history(plan.new_placements, Placement, batch_size=BATCH, default_user=by)
    if plan.changed_placements:
        now = timezone.now()
        for placement in plan.changed_placements:
            placement.updated_at = now  # bulk_update does not touch auto_now fields
        bulk_update_with_history(plan.changed_placements, Placement, UPDATED_FIELDS, batch_size=BATCH, default_user=by)
