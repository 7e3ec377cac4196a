"""Reads for the minutes of a tripartite meeting: who writes, who confirms, what is still waiting.

Built on meetings/selectors.py, which decides who sees a meeting at all. Everyone invited confirms the
minutes, except someone who declined the meeting: they were not there, so they cannot vouch for it.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.paging import offered
from mentoring.models import ActionItem, LearningGoal

from ..models import GoalProgress, Meeting, Minutes, MinutesConfirmation, Participant
from ..selectors import can_plan_meetings, participant_of


def can_write_minutes(user: User, meeting: Meeting) -> bool:
    """The people who plan the placement's meetings (mentor, supervisor, coordinator, staff) write the minutes."""
    return can_plan_meetings(user, meeting.placement)


def minutes_refusal(meeting: Meeting, minutes: Minutes | None, *, now=None) -> str | None:
    """Why minutes cannot be written or changed right now, or None when they can."""
    if meeting.status == Meeting.Status.CANCELLED:
        return _("This meeting was cancelled, so it has no minutes.")
    if meeting.starts_at > (now or timezone.now()):
        return _("The meeting has not started yet; write the minutes once it has taken place.")
    if minutes is not None and minutes.status == Minutes.Status.CONFIRMED:
        return _("These minutes were confirmed by everyone and can no longer be changed.")
    if minutes is not None and minutes.status == Minutes.Status.AWAITING:
        return _(
            "These minutes were sent for confirmation and can no longer be changed. "
            "To correct them, withdraw them first: everyone will be asked to confirm again."
        )
    return None


def confirmers(meeting: Meeting) -> QuerySet[Participant]:
    """The participants whose confirmation the minutes need."""
    return meeting.participants.exclude(response=Participant.Response.DECLINED).select_related("user")


def minutes_for_meeting(meeting: Meeting) -> Minutes | None:
    """The meeting's minutes with progress, confirmations and writer loaded, or None when none exist."""
    return (
        Minutes.objects.filter(meeting=meeting)
        .select_related("written_by")
        .prefetch_related(
            Prefetch("goal_progress", queryset=GoalProgress.objects.select_related("goal").order_by("goal__position")),
            Prefetch("confirmations", queryset=MinutesConfirmation.objects.select_related("participant")),
        )
        .first()
    )


# The minutes ask for progress on the plan's open goals; a plan kept for years has hundreds, so the form asks for the
# first few (in the plan's order) and says how many there are.
GOALS_IN_MINUTES = 20


def _goals_of(meeting: Meeting) -> QuerySet[LearningGoal]:
    return LearningGoal.objects.filter(plan__placement_id=meeting.placement_id)


def open_goal_count(meeting: Meeting) -> int:
    return _goals_of(meeting).exclude(status=LearningGoal.Status.ACHIEVED).count()


def goals_for_minutes(meeting: Meeting, minutes: Minutes | None = None, *, keep=()) -> QuerySet[LearningGoal]:
    """The first GOALS_IN_MINUTES open goals of the coaching plan, plus any goal these minutes already report on and
    the placement's goals in `keep` (keys: those written about in a form sent with an error)."""
    goals = _goals_of(meeting)
    chosen = offered(goals, goals.exclude(status=LearningGoal.Status.ACHIEVED), GOALS_IN_MINUTES, keep=keep)
    if minutes is not None and minutes.pk:
        chosen |= goals.filter(pk__in=GoalProgress.objects.filter(minutes=minutes).values("goal_id"))
    return chosen.select_related("plan").order_by("position", "target_date", "pk")


def agreements_of(meeting: Meeting) -> QuerySet[ActionItem]:
    return ActionItem.objects.filter(meeting=meeting).select_related("owner").order_by("due_date", "pk")


def agreement_owners(meeting: Meeting) -> QuerySet[User]:
    """An agreement's owner is one of the meeting's participants who has an account."""
    return User.objects.filter(meeting_invitations__meeting=meeting, is_active=True).distinct().order_by("first_name")


@dataclass(frozen=True)
class ConfirmationRow:
    participant: Participant
    confirmed_at: object  # an aware datetime, or None while still to confirm


def confirmation_rows(meeting: Meeting, minutes: Minutes | None) -> list[ConfirmationRow]:
    """Each participant whose confirmation counts, with when they confirmed (None: still waiting)."""
    confirmed = {c.participant_id: c.confirmed_at for c in minutes.confirmations.all()} if minutes else {}
    return [ConfirmationRow(p, confirmed.get(p.pk)) for p in confirmers(meeting)]


def own_unconfirmed_row(user: User, meeting: Meeting, minutes: Minutes | None) -> Participant | None:
    """The user's participant row, if the minutes wait for this user's confirmation."""
    if minutes is None or minutes.status != Minutes.Status.AWAITING:
        return None
    participant = participant_of(user, meeting)
    if participant is None or participant.response == Participant.Response.DECLINED:
        return None
    if any(c.participant_id == participant.pk for c in minutes.confirmations.all()):
        return None
    return participant


def _with_placement(minutes: QuerySet[Minutes]) -> QuerySet[Minutes]:
    return minutes.select_related("meeting__placement__learner", "meeting__placement__company", "written_by")


def minutes_waiting_for(user: User) -> QuerySet[Minutes]:
    """Minutes that wait for this user's own confirmation, oldest request first."""
    mine = Participant.objects.filter(meeting=OuterRef("meeting"), user=user).exclude(
        response=Participant.Response.DECLINED
    )
    confirmed = MinutesConfirmation.objects.filter(minutes=OuterRef("pk"), participant__user=user)
    waiting = Minutes.objects.filter(status=Minutes.Status.AWAITING).filter(Exists(mine)).exclude(Exists(confirmed))
    return _with_placement(waiting).order_by("submitted_at", "pk")


@dataclass(frozen=True)
class WaitingOnOthers:
    minutes: Minutes
    missing: list[Participant]

    @property
    def meeting(self) -> Meeting:
        return self.minutes.meeting


def minutes_waiting_on_others(user: User) -> list[WaitingOnOthers]:
    """Minutes the user wrote, or of placements they mentor or supervise, that wait for someone else.

    Each with the people still to confirm (not the user: their own turn is in minutes_waiting_for). Three
    queries, however many minutes.
    """
    others = Participant.objects.exclude(response=Participant.Response.DECLINED).exclude(user=user)
    pending_other = others.filter(meeting=OuterRef("meeting")).exclude(
        Exists(MinutesConfirmation.objects.filter(minutes=OuterRef(OuterRef("pk")), participant=OuterRef("pk")))
    )
    minutes = (
        Minutes.objects.filter(status=Minutes.Status.AWAITING)
        .filter(Q(written_by=user) | Q(meeting__placement__mentor=user) | Q(meeting__placement__supervisor=user))
        .filter(Exists(pending_other))
        .prefetch_related(
            Prefetch("meeting__participants", queryset=others.order_by("pk"), to_attr="others"),
            "confirmations",
        )
        .order_by("submitted_at", "pk")
    )
    rows = []
    for item in _with_placement(minutes):
        confirmed = {c.participant_id for c in item.confirmations.all()}
        rows.append(WaitingOnOthers(item, [p for p in item.meeting.others if p.pk not in confirmed]))
    return rows
