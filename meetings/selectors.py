"""Who may see and do what with tripartite meetings. Views ask here only.

A meeting belongs to a placement: whoever may follow the placement's coaching (learner, work mentor, the
school's supervisors and coordinators, staff) sees its meetings, and so does any invited participant with
an account. The mentor and the school side plan them; participants answer for themselves only.
"""

from datetime import timedelta

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy

from accounts.models import User
from accounts.selectors import roles_of
from core.signing import SignedLink
from mentoring.selectors import can_view_coaching, is_supervisor_of
from placements.models import Placement
from placements.selectors import is_mentor_of

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


# --- The signed links in the e-mails ----------------------------------------------------------------------
# One participant acts without logging in. A token names the participant and the meeting's sequence at the
# time of sending, so a link from before a reschedule or a cancellation stops working. Salts, token
# ("<participant pk>:<sequence>") and max ages are those of the links already sent: keep them.


def _participant_for_link(pk: int) -> Participant | None:
    return (
        Participant.objects.select_related(
            "user", "meeting__placement__learner", "meeting__placement__company", "meeting__organiser"
        )
        .filter(pk=pk)
        .first()
    )


def _meeting_sequence(participant: Participant) -> int:
    return participant.meeting.sequence


_OUTDATED = gettext_lazy("The meeting has changed since this link was sent. Please use the link in the newest e-mail.")

# Answer an invitation.
RESPOND_LINK = SignedLink[Participant](
    salt="meetings.respond",
    max_age=timedelta(days=14),
    load=_participant_for_link,
    version=_meeting_sequence,
    expired_message=gettext_lazy(
        "This link has expired. Please log in, or ask the organiser to send the invitation again."
    ),
    outdated_message=_OUTDATED,
)

# Confirm the minutes; a reminder carries a fresh link.
MINUTES_LINK = SignedLink[Participant](
    salt="meetings.minutes",
    max_age=timedelta(days=30),
    load=_participant_for_link,
    version=_meeting_sequence,
    expired_message=gettext_lazy(
        "This link has expired. Sign in to confirm the minutes, or use the link in the newest reminder e-mail."
    ),
    outdated_message=_OUTDATED,
)
