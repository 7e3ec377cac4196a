"""What goes into a person's calendar feed: only their own appointments, read in a fixed number of queries.

- tripartite meetings they are invited to or organise (a cancelled one stays, marked cancelled);
- sessions of courses they teach or take part in (not after withdrawing; a cancelled course's marked cancelled);
- planned coaching sessions ("next session" on the session log) of placements where they are the learner or
  the mentor, or which they coached;
- the coaching schedule's planned sessions (mentoring/schedule/) not yet logged, for the learner and the mentor.
  A "next session" that became a scheduled session's agreed moment is shown once, as the scheduled session.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from meetings.models import Meeting
from mentoring.models import CoachingSession, PlannedSession
from registry.models import Course, CourseSession, Enrolment

PAST = timedelta(days=90)  # what a calendar still shows of the past
FUTURE = timedelta(days=400)


@dataclass(frozen=True)
class Window:
    start: datetime
    end: datetime


def window(now: datetime | None = None) -> Window:
    now = now or timezone.now()
    return Window(start=now - PAST, end=now + FUTURE)


def meetings_of(user: User, span: Window) -> list[Meeting]:
    mine = Q(participants__user=user) | Q(organiser=user)
    return list(
        Meeting.objects.filter(mine, starts_at__gte=span.start, starts_at__lt=span.end)
        .select_related("placement__learner", "placement__company")
        .distinct()
        .order_by("starts_at", "pk")
    )


def course_sessions_of(user: User, span: Window) -> list[CourseSession]:
    taking_part = Q(
        course__enrolments__participant=user,
        course__enrolments__status__in=[
            Enrolment.Status.REQUESTED,
            Enrolment.Status.CONFIRMED,
            Enrolment.Status.COMPLETED,
        ],
    )
    return list(
        CourseSession.objects.filter(taking_part | Q(course__teacher=user))
        .exclude(course__status=Course.Status.DRAFT)
        .filter(starts_at__gte=span.start, starts_at__lt=span.end)
        .select_related("course")
        .distinct()
        .order_by("starts_at", "pk")
    )


def planned_coaching_of(user: User, span: Window) -> list[CoachingSession]:
    mine = Q(placement__learner=user) | Q(placement__mentor=user) | Q(coached_by=user)
    return list(
        CoachingSession.objects.filter(mine, next_session_on__gte=span.start, next_session_on__lt=span.end)
        .filter(agreed_planned_sessions__isnull=True)
        .select_related("placement__learner", "placement__company")
        .order_by("next_session_on", "pk")
    )


def scheduled_coaching_of(user: User, span: Window) -> list[PlannedSession]:
    mine = Q(placement__learner=user) | Q(placement__mentor=user)
    start, end = timezone.localdate(span.start), timezone.localdate(span.end)
    return list(
        PlannedSession.objects.filter(mine, session__isnull=True, planned_on__gte=start, planned_on__lt=end)
        .select_related("placement__learner", "placement__company")
        .order_by("planned_on", "pk")
    )
