"""Who says whether the mentor is the learner's line manager: the school (as for the placement) or the company."""

from accounts.models import Role, User
from accounts.selectors import roles_of

from ..models import Placement
from ..selectors import can_manage_placement


def can_set_line_manager(user: User, placement: Placement) -> bool:
    # The company knows its own hierarchy, so its admin may say so too, though it cannot change the placement.
    return can_manage_placement(user, placement) or placement.company_id in roles_of(user).companies_as(
        Role.COMPANY_ADMIN
    )
