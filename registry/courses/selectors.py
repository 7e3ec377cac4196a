"""Reads of the mentor courses, built on registry.selectors (which decides who sees a course at all)."""

from django.db.models import (
    Avg,
    BooleanField,
    Count,
    ExpressionWrapper,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Company, Role, School, User
from accounts.selectors import people_with_role, roles_of
from core.queries import subquery_count

from ..models import Assignment, Attendance, Certificate, Course, CourseSession, Enrolment, Evaluation, Submission
from ..selectors import can_manage_course, courses_visible_to, enrolments_visible_to, registry_school_ids

# Everyone who asked, was confirmed or completed the course holds a place; only a withdrawal gives one back.
TAKING_PLACES = (Enrolment.Status.REQUESTED, Enrolment.Status.CONFIRMED, Enrolment.Status.COMPLETED)
# Participants who take part in the course's work: hand in assignments, are on the attendance list, evaluate.
TAKING_PART = (Enrolment.Status.CONFIRMED, Enrolment.Status.COMPLETED)
RATING_FIELDS = ("content_rating", "teacher_rating", "organisation_rating", "usefulness_rating")


# --- who may do what ----------------------------------------------------------------------------------


def can_create_course(user: User) -> bool:
    school_ids = registry_school_ids(user)
    return school_ids is None or bool(school_ids)


def course_schools_for(user: User) -> QuerySet[School]:
    school_ids = registry_school_ids(user)
    return School.objects.all() if school_ids is None else School.objects.filter(pk__in=school_ids)


def course_teachers(school: School | int) -> QuerySet[User]:
    return people_with_role(Role.TEACHER, schools=[school])


def admin_company_ids(user: User) -> frozenset[int]:
    return roles_of(user).companies_as(Role.COMPANY_ADMIN)


def mentor_companies(user: User) -> QuerySet[Company]:
    return Company.objects.filter(pk__in=roles_of(user).companies_as(Role.MENTOR))


def can_enrol_self(user: User) -> bool:
    return roles_of(user).has(Role.MENTOR)


def can_enrol_employees(user: User) -> bool:
    return roles_of(user).has(Role.COMPANY_ADMIN)


def can_confirm_enrolment(user: User, enrolment: Enrolment) -> bool:
    """The employer confirms that the employee may take part; the course's teacher may do so too."""
    return enrolment.company_id in admin_company_ids(user) or can_manage_course(user, enrolment.course)


def can_withdraw_enrolment(user: User, enrolment: Enrolment) -> bool:
    return enrolment.participant_id == user.pk or can_confirm_enrolment(user, enrolment)


def enrolment_for_user(user: User, course: Course, pk) -> Enrolment:
    """An enrolment of `course` that `user` may see; others do not learn that it exists."""
    return get_object_or_404(enrolments_visible_to(user, course), pk=pk)


def own_enrolment(user: User, course: Course) -> Enrolment | None:
    return course.enrolments.filter(participant=user).select_related("company").first()


def employees_to_enrol(user: User, course: Course) -> QuerySet[User]:
    """Work mentors of the companies `user` administers who are not yet (or no longer) in the course."""
    active = course.enrolments.exclude(status=Enrolment.Status.WITHDRAWN).values("participant_id")
    return (
        people_with_role(Role.MENTOR, companies=admin_company_ids(user))
        .exclude(pk__in=active)
        .order_by("last_name", "first_name")
    )


def places_taken(course: Course) -> int:
    return course.enrolments.filter(status__in=TAKING_PLACES).count()


# --- pages --------------------------------------------------------------------------------------------


def _with_list_figures(courses: QuerySet[Course]) -> QuerySet[Course]:
    taken = Enrolment.objects.filter(course=OuterRef("pk"), status__in=TAKING_PLACES)
    first = CourseSession.objects.filter(course=OuterRef("pk")).order_by().values("course")
    return courses.select_related("school", "teacher").annotate(
        taken=subquery_count(taken, "course"),
        first_session=Subquery(first.annotate(m=Min("starts_at")).values("m")),
        last_session=Subquery(first.annotate(m=Max("ends_at")).values("m")),
    )


def with_certificate_figures(courses: QuerySet[Course]) -> QuerySet[Course]:
    """`ready`: participants who completed the course and have no certificate yet; `issued`: certificates."""
    ready = Enrolment.objects.filter(course=OuterRef("pk"), status=Enrolment.Status.COMPLETED, certificate__isnull=True)
    issued = Certificate.objects.filter(course=OuterRef("pk"))
    return courses.annotate(ready=subquery_count(ready, "course"), issued=subquery_count(issued, "course"))


def certificate_figures(course: Course) -> dict:
    """The course page's counts behind its "Certificates" button."""
    return {
        "ready": course.enrolments.filter(status=Enrolment.Status.COMPLETED, certificate__isnull=True).count(),
        "issued": Certificate.objects.filter(course=course).count(),
    }


def courses_ready_for_certificates(user: User) -> QuerySet[Course]:
    """For teachers and coordinators: their school's courses with participants waiting for a certificate."""
    school_ids = registry_school_ids(user)
    courses = Course.objects.all() if school_ids is None else Course.objects.filter(school_id__in=school_ids)
    return (
        with_certificate_figures(courses)
        .filter(ready__gt=0)
        .annotate(mine=ExpressionWrapper(Q(teacher=user), output_field=BooleanField()))
        .order_by("-mine", "title", "pk")
    )


def courses_for_list(user: User, status: str | None = None) -> QuerySet[Course]:
    # Filtering by id keeps the visibility joins (and their DISTINCT) away from the figures.
    courses = Course.objects.filter(pk__in=courses_visible_to(user).values("pk"))
    if status:
        courses = courses.filter(status=status)
    return with_certificate_figures(_with_list_figures(courses)).order_by("-created_at")


def open_courses_for(user: User) -> QuerySet[Course]:
    """Open courses a mentor or employer can still enrol in (not ones the user already takes part in)."""
    mine = Enrolment.objects.filter(participant=user).exclude(status=Enrolment.Status.WITHDRAWN)
    visible = courses_visible_to(user).values("pk")
    courses = Course.objects.filter(pk__in=visible, status=Course.Status.OPEN).exclude(pk__in=mine.values("course_id"))
    return _with_list_figures(courses).order_by("title")


def courses_taken_part_in(user: User) -> QuerySet[Course]:
    """Courses the user or (for an employer) their staff are enrolled in."""
    enrolled = Q(participant=user) | Q(company_id__in=admin_company_ids(user))
    ids = Enrolment.objects.filter(enrolled).values("course_id")
    return _with_list_figures(Course.objects.filter(pk__in=ids)).order_by("-created_at")


def sessions_with_assignments(course: Course) -> list[CourseSession]:
    return list(
        course.sessions.prefetch_related(Prefetch("assignments", queryset=Assignment.objects.order_by("due_at")))
    )


def participants(user: User, course: Course) -> list[Enrolment]:
    return list(enrolments_visible_to(user, course).order_by("participant__last_name", "participant__first_name", "pk"))


def completion_by_enrolment(enrolments, *, sessions, assignments) -> dict[int, dict]:
    """What each participant has done and still misses, in two queries however many take part.

    Complete = every session attended and every assignment accepted, with the enrolment confirmed.
    Each value: {"complete": bool, "missing": [reasons], "sessions_attended", "sessions_total",
    "assignments_accepted", "assignments_total"}.
    """
    ids = [enrolment.pk for enrolment in enrolments]
    present = set(
        Attendance.objects.filter(enrolment_id__in=ids, present=True).values_list("enrolment_id", "session_id")
    )
    accepted = set(
        Submission.objects.filter(enrolment_id__in=ids, status=Submission.Status.ACCEPTED).values_list(
            "enrolment_id", "assignment_id"
        )
    )
    now = timezone.now()
    return {e.pk: _completion(e, sessions, assignments, present, accepted, now) for e in enrolments}


def _completion(enrolment, sessions, assignments, present, accepted, now) -> dict:
    missing = []
    if enrolment.status == Enrolment.Status.REQUESTED:
        missing.append(_("the employer has not confirmed the enrolment yet"))
    elif enrolment.status == Enrolment.Status.WITHDRAWN:
        missing.append(_("the enrolment was withdrawn"))
    if not sessions:
        missing.append(_("the course has no sessions yet"))
    attended = 0
    for number, session in enumerate(sessions, start=1):
        names = {"number": number, "title": session.title}
        if (enrolment.pk, session.pk) in present:
            attended += 1
        elif session.ends_at > now:
            missing.append(_("session %(number)s (%(title)s) has not taken place yet") % names)
        else:
            missing.append(_("absent from session %(number)s (%(title)s)") % names)
    done = 0
    for assignment in assignments:
        if (enrolment.pk, assignment.pk) in accepted:
            done += 1
        else:
            missing.append(_("assignment “%(title)s” not yet accepted") % {"title": assignment.title})
    return {
        "complete": not missing,
        "missing": missing,
        "sessions_attended": attended,
        "sessions_total": len(sessions),
        "assignments_accepted": done,
        "assignments_total": len(assignments),
    }


def last_session_end(course: Course):
    return course.sessions.aggregate(end=Max("ends_at"))["end"]


def course_has_ended(course: Course) -> bool:
    end = last_session_end(course)
    return end is not None and end <= timezone.now()


def submissions_for_assignment(assignment: Assignment) -> dict[int, Submission]:
    return {s.enrolment_id: s for s in assignment.submissions.select_related("reviewed_by")}


def evaluation_summary(course: Course) -> dict:
    """Counts and averages in one query; free text without names, sorted so it cannot be traced back."""
    evaluations = Evaluation.objects.filter(enrolment__course=course)
    figures = evaluations.aggregate(
        count=Count("pk"),
        **{name: Avg(name) for name in RATING_FIELDS},
    )
    texts = evaluations.values_list("best", "improve")
    best = sorted(b.strip() for b, _ in texts if b.strip())
    improve = sorted(i.strip() for _, i in texts if i.strip())
    return {"figures": figures, "best": best, "improve": improve}


# --- dashboard ----------------------------------------------------------------------------------------


def enrolments_awaiting_confirmation(user: User) -> QuerySet[Enrolment]:
    """For a company admin: employees who asked to take a course and wait for the employer's yes."""
    return (
        Enrolment.objects.filter(
            company_id__in=admin_company_ids(user),
            status=Enrolment.Status.REQUESTED,
            course__status__in=[Course.Status.OPEN, Course.Status.RUNNING],
        )
        .select_related("participant", "course")
        .order_by("created_at")
    )


def submissions_to_review(user: User) -> QuerySet[Submission]:
    """For a teacher: handed-in work in the courses they teach that waits for accept or rework."""
    return (
        Submission.objects.filter(
            assignment__session__course__teacher=user,
            status=Submission.Status.SUBMITTED,
            enrolment__status__in=TAKING_PART,
        )
        .select_related("assignment__session__course", "enrolment__participant")
        .order_by("submitted_at")
    )


def assignments_to_hand_in(user: User) -> QuerySet[Assignment]:
    """For a participant: assignments with nothing handed in yet, or sent back for rework; soonest first."""
    done = Submission.objects.filter(enrolment__participant=user).exclude(status=Submission.Status.REWORK)
    return (
        Assignment.objects.filter(
            session__course__enrolments__participant=user,
            session__course__enrolments__status=Enrolment.Status.CONFIRMED,
        )
        .exclude(pk__in=done.values("assignment_id"))
        .select_related("session__course")
        .order_by("due_at")
    )


def evaluations_to_fill_in(user: User) -> QuerySet[Enrolment]:
    """For a participant: courses whose last session has ended and that they have not evaluated yet."""
    ended = CourseSession.objects.filter(course=OuterRef("course_id")).order_by().values("course")
    return (
        Enrolment.objects.filter(participant=user, status__in=TAKING_PART, evaluation__isnull=True)
        .annotate(course_end=Subquery(ended.annotate(m=Max("ends_at")).values("m")))
        .filter(course_end__lte=timezone.now())
        .select_related("course")
    )


def shows_courses_menu(user: User) -> bool:
    roles = roles_of(user)
    return roles.is_staff or any(
        roles.has(role) for role in (Role.TEACHER, Role.COORDINATOR, Role.MENTOR, Role.COMPANY_ADMIN)
    )
