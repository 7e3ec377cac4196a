"""A completed mentor course in the participant's own development log (work process 1.6).

One row per enrolment (`DevelopmentActivity.source_enrolment` is unique), so the course shows in the log and
certificate renewal counts its hours with the rest of the log: once, however often the completion runs. The
mentor cannot change or remove the row. The hours are the course sessions' own length.
"""

from datetime import timedelta
from decimal import ROUND_FLOOR, Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from mentoring.development.services import MAX_HOURS
from mentoring.models import DevelopmentActivity

from ..models import CourseSession, Enrolment

HALF_HOUR = Decimal("0.5")


def course_hours(sessions) -> Decimal:
    """The sessions' total length in hours, rounded down to half hours and at most the log's maximum."""
    total = sum((session.ends_at - session.starts_at for session in sessions), timedelta())
    hours = (Decimal(total.total_seconds()) / 3600 / HALF_HOUR).to_integral_value(rounding=ROUND_FLOOR) * HALF_HOUR
    return min(hours, MAX_HOURS)


def course_credit_record(enrolments: list[Enrolment]) -> None:
    """Add a log row for each completed enrolment that has none yet.

    A course without sessions (or shorter than half an hour) has no hours to count and gets no row.
    """
    completed = [e for e in enrolments if e.status == Enrolment.Status.COMPLETED]
    if not completed:
        return
    course_ids = {e.course_id for e in completed}
    sessions: dict[int, list[CourseSession]] = {}
    for session in CourseSession.objects.filter(course_id__in=course_ids).select_related("course__school"):
        sessions.setdefault(session.course_id, []).append(session)
    today = timezone.localdate()
    rows = []
    for enrolment in completed:
        course_sessions = sessions.get(enrolment.course_id, [])
        hours = course_hours(course_sessions)
        if hours < HALF_HOUR:
            continue
        course = course_sessions[0].course
        last_day = timezone.localdate(max(session.ends_at for session in course_sessions))
        with override(enrolment.participant.language or None):
            notes = _("Mentor course completed at %(school)s.") % {"school": course.school.name}
        rows.append(
            DevelopmentActivity(
                mentor_id=enrolment.participant_id,
                kind=DevelopmentActivity.Kind.COURSE,
                title=course.title[:200],
                date=min(last_day, today),
                hours=hours,
                notes=notes,
                source_enrolment=enrolment.pk,
            )
        )
    # A row that exists already (the completion ran before) is skipped by the unique source_enrolment.
    DevelopmentActivity.objects.bulk_create(rows, ignore_conflicts=True)
