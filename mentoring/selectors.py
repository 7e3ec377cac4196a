"""Who may see and do what in a placement's coaching trajectory. Views ask here, never decide themselves.

Coaching content (plan, sessions, hours, obstacles) is personal: the learner, the work mentor, the school
(supervisors and coordinators of the placement's school) and staff see it; the company admin does not.
Incidents are for the mentor and the school only. A private note is for its author only.
"""

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from accounts.models import Role, User
from accounts.selectors import roles_of
from placements.models import Placement
from placements.selectors import placement_for_user

from .models import (
    ActionItem,
    CoachingSession,
    PrivateNote,
)


def _is_school_staff(user: User, placement: Placement) -> bool:
    return placement.school_id in roles_of(user).school_staff_school_ids


def can_view_coaching(user: User, placement: Placement) -> bool:
    return (
        roles_of(user).is_staff
        or user.pk in (placement.learner_id, placement.mentor_id)
        or _is_school_staff(user, placement)
    )


def can_view_incidents(user: User, placement: Placement) -> bool:
    return roles_of(user).is_staff or user.pk == placement.mentor_id or _is_school_staff(user, placement)


def is_supervisor_of(user: User, placement: Placement) -> bool:
    """The placement's own supervisor, or a coordinator of its school, attunes the plan."""
    roles = roles_of(user)
    return (
        roles.is_staff
        or user.pk == placement.supervisor_id
        or placement.school_id in roles.schools_as(Role.COORDINATOR)
    )


def coaching_placement_for_user(user: User, pk: int) -> Placement:
    """The placement, if `user` may see its coaching trajectory; 404 for outsiders as for the placement."""
    placement = placement_for_user(user, pk)
    if not can_view_coaching(user, placement):
        raise Http404("No such placement.")
    return placement


def incident_placement_for_user(user: User, pk: int) -> Placement:
    placement = placement_for_user(user, pk)
    if not can_view_incidents(user, placement):
        raise Http404("No such placement.")
    return placement


def sessions_for_timeline(*, placement: Placement, viewer: User) -> QuerySet[CoachingSession]:
    """Sessions with everything the timeline shows, in a fixed number of queries; notes of `viewer` only."""
    return (
        CoachingSession.objects.filter(placement=placement)
        .select_related("coached_by")
        .prefetch_related(
            "goals",
            "attachments",
            Prefetch("action_items", queryset=ActionItem.objects.select_related("owner")),
            Prefetch("private_notes", queryset=PrivateNote.objects.filter(author=viewer), to_attr="my_notes"),
        )
    )


# A page shows this many open agreements, the first due first; the rest are a page further (a placement can
# collect a thousand: the coaching timeline took 262 ms with all of them on it).
OPEN_ITEMS_SHOWN = 20


def open_action_items(*, placement: Placement) -> QuerySet[ActionItem]:
    return (
        ActionItem.objects.filter(placement=placement, done_at__isnull=True)
        .select_related("owner", "session")
        .order_by("due_date", "pk")
    )


def open_action_items_page(*, placement: Placement, number=None, per_page: int = OPEN_ITEMS_SHOWN) -> Page:
    """One page of the placement's open agreements (two queries: the count and the page), the first by default."""
    return Paginator(open_action_items(placement=placement), per_page).get_page(number)


def recent_open_action_items(*, placement: Placement, limit: int = OPEN_ITEMS_SHOWN) -> QuerySet[ActionItem]:
    """The `limit` most recently made of the open agreements, the first due first: what the session form offers to
    tick off. A session follows up what was agreed lately; older ones are ticked off on the timeline's pages.

    One query, also when the form checks the ticked ones (a filter on a sliced queryset would be refused)."""
    newest = ActionItem.objects.filter(placement=placement, done_at__isnull=True).order_by("-created_at", "-pk")
    return open_action_items(placement=placement).filter(pk__in=newest[:limit].values("pk"))


def open_action_items_for_user(user: User) -> QuerySet[ActionItem]:
    """Open items the user owns, plus, for a mentor, those of the placements they mentor."""
    return (
        ActionItem.objects.filter(done_at__isnull=True)
        .filter(Q(owner=user) | Q(placement__mentor=user))
        .select_related("owner", "placement__learner", "placement__company")
        .order_by("due_date", "pk")
    )
