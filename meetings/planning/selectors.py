"""Reads for planning and answering tripartite meetings. Access itself is decided in meetings/selectors.py."""

from datetime import timedelta

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from core.paging import first_of
from mentoring.models import LearningGoal
from mentoring.selectors import open_action_items_page
from placements.models import Placement

from ..models import Meeting, MeetingChange, Participant

REQUIRED_ROLES = (Participant.Role.LEARNER, Participant.Role.MENTOR, Participant.Role.SUPERVISOR)
DASHBOARD_DAYS = 30
# A first agenda names this many open goals; the rest of a long plan is one line with how many there are.
AGENDA_GOALS = 20


def meetings_of_placement(placement: Placement) -> QuerySet[Meeting]:
    """The placement's meetings with their participants, in two queries however many there are."""
    return (
        Meeting.objects.filter(placement=placement)
        .select_related("organiser")
        .prefetch_related(Prefetch("participants", queryset=Participant.objects.select_related("user")))
    )


def coming_meetings_of_placement(placement: Placement, *, now) -> QuerySet[Meeting]:
    """Meetings from `now` on, the soonest first."""
    return meetings_of_placement(placement).filter(starts_at__gte=now).order_by("starts_at", "pk")


def past_meetings_of_placement(placement: Placement, *, now) -> QuerySet[Meeting]:
    """Meetings before `now`, the most recent first."""
    return meetings_of_placement(placement).filter(starts_at__lt=now).order_by("-starts_at", "-pk")


def meeting_participants(meeting: Meeting) -> QuerySet[Participant]:
    return meeting.participants.select_related("user")


def meeting_history(meeting: Meeting) -> QuerySet[MeetingChange]:
    return meeting.changes.select_related("by")


def open_goals(placement: Placement) -> QuerySet[LearningGoal]:
    return LearningGoal.objects.filter(plan__placement=placement).exclude(status=LearningGoal.Status.ACHIEVED)


def agenda_from_coaching_plan(placement: Placement) -> str:
    """A first agenda: the open learning goals with their progress and the open action items, then the rest.

    Written in the active language, as plain text the planner edits before sending.
    """
    lines = [_("1. Welcome and how the placement is going")]
    goals = first_of(open_goals(placement), AGENDA_GOALS)  # the first of the plan; a long plan says how many more
    if goals:
        lines += ["", _("2. Open learning goals")]
        lines += [
            "- "
            + _("%(goal)s (%(progress)s%%, %(status)s)")
            % {"goal": goal.title, "progress": goal.progress, "status": goal.get_status_display()}
            for goal in goals
        ]
        if more := goals.paginator.count - len(goals):
            lines.append(
                "- "
                + ngettext("… and %(count)s more open learning goal", "… and %(count)s more open learning goals", more)
                % {"count": more}
            )
    open_items = open_action_items_page(placement=placement)  # the first due; a long list says how many more
    items = open_items.object_list
    if items:
        lines += ["", _("3. Open action items")]
        template = _("%(item)s (%(owner)s, due %(date)s)")
        lines += [
            "- " + template % {"item": i.description, "owner": i.owner.get_full_name(), "date": date_format(i.due_date)}
            for i in items
        ]
        if more := open_items.paginator.count - len(items):
            lines.append(
                "- "
                + ngettext("… and %(count)s more open action item", "… and %(count)s more open action items", more)
                % {"count": more}
            )
    lines += ["", _("4. Agreements and the next meeting")]
    return "\n".join(lines)


# --- For the dashboard -----------------------------------------------------------------------------------


def _with_my_answer(meetings: QuerySet[Meeting], user: User) -> QuerySet[Meeting]:
    mine = Participant.objects.filter(meeting=OuterRef("pk"), user=user)
    return meetings.annotate(
        my_response=Subquery(mine.values("response")[:1]), my_participant_id=Subquery(mine.values("pk")[:1])
    )


def upcoming_meetings_for(user: User, *, days: int = DASHBOARD_DAYS) -> QuerySet[Meeting]:
    """Meetings in the coming `days` that `user` is invited to and that go ahead, each with `my_response`."""
    now = timezone.now()
    meetings = (
        Meeting.objects.filter(participants__user=user, starts_at__gte=now, starts_at__lt=now + timedelta(days=days))
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("placement__learner", "placement__company")
        .order_by("starts_at", "pk")
        .distinct()
    )
    return _with_my_answer(meetings, user)


def invitations_waiting_for(user: User) -> QuerySet[Participant]:
    """The user's own invitations to coming meetings that still need an answer, soonest first."""
    return (
        Participant.objects.filter(
            user=user,
            response=Participant.Response.PENDING,
            meeting__starts_at__gte=timezone.now(),
        )
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .select_related("meeting__placement__learner", "meeting__placement__company")
        .order_by("meeting__starts_at", "pk")
    )
