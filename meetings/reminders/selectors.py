"""Reads for reminders: the scan's candidate sets (a few queries each, however many meetings).

Every recipient query leaves out people who chose fewer notifications: reminders are normal news, so they go
to participants without an account and to people at level "all"; the no-meeting alert is essential.
"""

from datetime import datetime, timedelta

from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.expressions import RawSQL
from django.utils import timezone

from accounts.models import User
from placements.models import Placement

from ..models import (
    Meeting,
    MeetingSettings,
    Minutes,
    MinutesConfirmation,
    Participant,
    PlacementAlert,
    ReminderLog,
)

OPEN = [Meeting.Status.PROPOSED, Meeting.Status.CONFIRMED]
LONGEST_MEETING = timedelta(minutes=Meeting._meta.get_field("duration_minutes").validators[1].limit_value)
# Participants who want normal news: no account (they cannot choose), or an active account at level "all".
WANTS_REMINDERS = Q(user__isnull=True) | Q(user__is_active=True, user__notification_level=User.NotificationLevel.ALL)
ALERT_LEVELS = [User.NotificationLevel.ALL, User.NotificationLevel.ESSENTIAL]


def meeting_settings() -> QuerySet[MeetingSettings]:
    return MeetingSettings.objects.all()


def upcoming_meetings(now: datetime, within_days: int) -> list[tuple]:
    """(id, starts_at, created_at, school id) of open meetings starting after now and within the days."""
    return list(
        Meeting.objects.filter(status__in=OPEN, starts_at__gt=now, starts_at__lte=now + timedelta(days=within_days))
        .order_by()
        .values_list("pk", "starts_at", "created_at", "placement__school_id")
    )


def meetings_without_minutes(now: datetime, fewest_days: int, most_days: int, stale_after: timedelta) -> list[tuple]:
    """(id, starts_at, duration, school id) of meetings whose minutes reminder may be due (and not stale) now."""
    earliest = now - timedelta(days=most_days + 1) - LONGEST_MEETING - stale_after
    latest = now - timedelta(days=fewest_days) + timedelta(hours=1)  # a local day may be 23 hours
    return list(
        Meeting.objects.exclude(status=Meeting.Status.CANCELLED)
        .filter(starts_at__gte=earliest, starts_at__lte=latest, minutes__isnull=True)
        .order_by()
        .values_list("pk", "starts_at", "duration_minutes", "placement__school_id")
    )


def minutes_awaiting_confirmation() -> list[tuple]:
    """(meeting id, submitted_at, school id) of minutes still waiting for someone's confirmation."""
    return list(
        Minutes.objects.filter(status=Minutes.Status.AWAITING, submitted_at__isnull=False)
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .order_by()
        .values_list("meeting_id", "submitted_at", "meeting__placement__school_id")
    )


def _among(ids: list[int]):
    """The right-hand side of `__in` for thousands of ids.

    On PostgreSQL it is one array parameter that the planner does not have to inspect value by value.
    For 8,600 meetings this makes planning 12 ms faster.
    """
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])
    return ids


def _without_log(kind: str, meeting_ids: list[int], who: Q) -> list[tuple[int, int]]:
    """(participant id, meeting id) of the chosen participants that have no log of this kind yet."""
    logged = ReminderLog.objects.filter(meeting_id=OuterRef("meeting_id"), participant_id=OuterRef("pk"), kind=kind)
    return list(
        Participant.objects.filter(WANTS_REMINDERS, who, meeting_id__in=_among(meeting_ids))
        .filter(~Exists(logged))
        .order_by()
        .values_list("pk", "meeting_id")
    )


def meeting_reminder_recipients(kind: str, meeting_ids: list[int]) -> list[tuple[int, int]]:
    """Everyone invited, except those who declined."""
    return _without_log(kind, meeting_ids, ~Q(response=Participant.Response.DECLINED))


def minutes_writers(kind: str, meeting_ids: list[int]) -> list[tuple[int, int]]:
    """Whoever writes minutes: the organiser (when invited), the work mentor and the school supervisor."""
    roles = [Participant.Role.MENTOR, Participant.Role.SUPERVISOR]
    return _without_log(kind, meeting_ids, Q(role__in=roles) | Q(user_id=F("meeting__organiser_id")))


def unconfirmed_participants(kind: str, meeting_ids: list[int]) -> list[tuple[int, int]]:
    """Participants whose confirmation the minutes still need (the same rule as the minutes' waiting list)."""
    confirmed = MinutesConfirmation.objects.filter(participant_id=OuterRef("pk"))
    return _without_log(kind, meeting_ids, ~Q(response=Participant.Response.DECLINED) & ~Exists(confirmed))


def placements_without_meetings(now: datetime, fewest_weeks: int) -> list[tuple]:
    """(id, school id, start date, last meeting) of active placements quiet for at least the shortest period.

    Only placements that started that long ago and have had no meeting since (nor one planned) come back;
    the exact school period is applied by the caller.
    """
    # An hour of slack: N local weeks across a daylight-saving change are an hour shorter.
    quiet_since = now - timedelta(weeks=fewest_weeks) + timedelta(hours=1)
    meetings = Meeting.objects.filter(placement_id=OuterRef("pk")).exclude(status=Meeting.Status.CANCELLED)
    return list(
        Placement.objects.filter(
            status=Placement.Status.ACTIVE,
            start_date__lte=timezone.localdate(now) - timedelta(weeks=fewest_weeks) + timedelta(days=1),
            supervisor__is_active=True,
            supervisor__notification_level__in=ALERT_LEVELS,
        )
        .filter(~Exists(meetings.filter(starts_at__gt=quiet_since)))
        .annotate(last_meeting=Subquery(meetings.order_by("-starts_at").values("starts_at")[:1]))
        .order_by()
        .values_list("pk", "school_id", "start_date", "last_meeting")
    )


def alerted_periods(kind: str, due: dict[int, str]) -> set[tuple[int, str]]:
    if not due:
        return set()
    return set(
        PlacementAlert.objects.filter(kind=kind, placement_id__in=list(due), period__in=set(due.values()))
        .order_by()
        .values_list("placement_id", "period")
    )


def alerts_to_deliver(
    kind: str, new: list[PlacementAlert], *, stale_from: datetime, stale_until: datetime
) -> list[int]:
    """Unsent alerts this scan just decided, and older ones whose delivery was lost (broker down, worker died)."""
    just_decided = Q(kind=kind, placement_id__in={a.placement_id for a in new}, period__in={a.period for a in new})
    lost = Q(created_at__gte=stale_from, created_at__lt=stale_until)
    return list(
        PlacementAlert.objects.filter(sent_at__isnull=True)
        .filter(just_decided | lost if new else lost)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


# --- For the dashboard ---------------------------------------------------------------------------------------


def quiet_placements_for(user: User) -> QuerySet[Placement]:
    """Active placements the person supervises that got a no-meeting alert and have had no meeting planned since.

    One query. The newest alert comes along as `alerted_at`.
    """
    alerts = PlacementAlert.objects.filter(placement_id=OuterRef("pk"), kind="no_meeting").order_by("-created_at")
    planned_since = Meeting.objects.filter(placement_id=OuterRef("pk"), created_at__gte=OuterRef("alerted_at")).exclude(
        status=Meeting.Status.CANCELLED
    )
    return (
        Placement.objects.filter(supervisor=user, status=Placement.Status.ACTIVE)
        .annotate(alerted_at=Subquery(alerts.values("created_at")[:1]))
        .filter(alerted_at__isnull=False)
        .filter(~Exists(planned_since))
        .select_related("learner", "company")
        .order_by("alerted_at", "pk")
    )
