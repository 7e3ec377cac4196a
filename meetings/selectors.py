"""Who may see and do what with tripartite meetings. Views ask here only.

A meeting belongs to a placement: whoever may follow the placement's coaching (learner, work mentor, the
school's supervisors and coordinators, staff) sees its meetings, and so does any invited participant with
an account. The mentor and the school side plan them; participants answer for themselves only.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.models import User
from accounts.selectors import roles_of
from mentoring.selectors import can_view_coaching, is_mentor_of, is_supervisor_of
from placements.models import Placement

from .models import Meeting, Participant


def meetings_visible_to(user: User) -> QuerySet[Meeting]:
    roles = roles_of(user)
    meetings = Meeting.objects.all()
    if roles.is_staff:
        return meetings
    return meetings.filter(
        Q(placement__learner=user)
        | Q(placement__mentor=user)
        | Q(placement__school_id__in=roles.school_staff_school_ids)
        | Q(participants__user=user)
    ).distinct()


def meeting_for_user(user: User, pk: int) -> Meeting:
    try:
        return (
            meetings_visible_to(user)
            .select_related("placement__learner", "placement__mentor", "placement__supervisor", "placement__company")
            .get(pk=pk)
        )
    except (Meeting.DoesNotExist, ValueError, TypeError):
        raise Http404("No such meeting.") from None


def can_plan_meetings(user: User, placement: Placement) -> bool:
    """The work mentor and the school side (supervisor, coordinator, staff) plan and change meetings."""
    return is_mentor_of(user, placement) or is_supervisor_of(user, placement)


def can_view_meetings_of(user: User, placement: Placement) -> bool:
    return can_view_coaching(user, placement)


def participant_of(user: User, meeting: Meeting) -> Participant | None:
    return meeting.participants.filter(user=user).first()
