"""Reads for courses that reach employers: the public catalogue, invitation links, the employer's view."""

from django.db.models import Max, Min, OuterRef, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from accounts.models import Company, Role, School, User
from accounts.selectors import roles_of
from core.choice_keys import whole_number
from core.queries import subquery_count

from ..courses.selectors import TAKING_PLACES, admin_company_ids
from ..models import Assignment, Attendance, Course, CourseSession, EmployerInvitation, Enrolment, Submission
from .tokens import token_hash


class LinkRefused(Exception):
    """An invitation link that cannot be used; `message` says why, `status` is the page's status."""

    def __init__(self, message, status=410):
        self.message, self.status = message, status
        super().__init__(str(message))


# --- the public catalogue -----------------------------------------------------------------------------


def catalogue_school(key: str) -> School:
    """The school by id or by the slug of its (short) name; 404 otherwise. Schools publish open courses only."""
    number = whole_number(key)
    if number is not None:
        return get_object_or_404(School, pk=number)
    slug = slugify(key)
    if slug:
        for school in School.objects.only("pk", "name", "short_name"):
            if slug in {slugify(school.name), slugify(school.short_name)}:
                return school
    raise Http404("No such school.")


def catalogue_key(school: School) -> str:
    return slugify(school.short_name) or slugify(school.name) or str(school.pk)


def catalogue_courses(school: School) -> QuerySet[Course]:
    """Open courses of the school that any employer may join (closed groups stay out), with places and dates."""
    sessions = CourseSession.objects.filter(course=OuterRef("pk"))
    taken = Enrolment.objects.filter(course=OuterRef("pk"), status__in=TAKING_PLACES)
    return (
        Course.objects.filter(school=school, status=Course.Status.OPEN, closed_for__isnull=True)
        .annotate(
            taken=subquery_count(taken, "course"),
            first_session=Min("sessions__starts_at"),
            last_session=Max("sessions__ends_at"),
            session_count=subquery_count(sessions, "course"),
        )
        .prefetch_related(Prefetch("sessions", queryset=CourseSession.objects.order_by("starts_at", "pk")))
        .order_by("first_session", "title", "pk")
    )


# --- invitations --------------------------------------------------------------------------------------


def invitations_of(course: Course) -> QuerySet[EmployerInvitation]:
    return course.employer_invitations.select_related("company", "invited_by")


def invitation_of_course(course: Course, pk) -> EmployerInvitation:
    return get_object_or_404(course.employer_invitations, pk=pk)


def invitation_for_link(token: str) -> EmployerInvitation:
    """The invitation a link was made for, while it can be used; LinkRefused with a clear reason otherwise."""
    invitation = (
        EmployerInvitation.objects.select_related("course__school", "course__teacher", "company")
        .filter(token_hash=token_hash(token or ""))
        .first()
    )
    if invitation is None:
        raise LinkRefused(_("This link is not valid. Please use the link in the e-mail exactly as it was sent."), 404)
    if invitation.revoked_at is not None:
        raise LinkRefused(
            _("The school has withdrawn this invitation. Ask %(teacher)s for a new one.")
            % {"teacher": invitation.course.teacher.get_full_name()}
        )
    if invitation.is_expired:
        raise LinkRefused(
            _("This invitation has expired. Ask %(teacher)s for a new one.")
            % {"teacher": invitation.course.teacher.get_full_name()}
        )
    if invitation.course.status != Course.Status.OPEN:
        raise LinkRefused(_("This course is no longer open for enrolment."))
    return invitation


def enrolled_through(invitation: EmployerInvitation) -> QuerySet[Enrolment]:
    """The company's people in the course, for the contact's page: names only, no results."""
    return (
        invitation.course.enrolments.filter(company=invitation.company)
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .select_related("participant")
        .order_by("participant__last_name", "participant__first_name", "pk")
    )


# --- nominations --------------------------------------------------------------------------------------


def nomination_candidates(course: Course) -> QuerySet[Enrolment]:
    """Who may be put forward for the course's qualification: participants who completed it."""
    return (
        course.enrolments.filter(status__in=[Enrolment.Status.CONFIRMED, Enrolment.Status.COMPLETED])
        .select_related("participant", "company", "nomination")
        .order_by("participant__last_name", "participant__first_name", "pk")
    )


# --- the employer's view ------------------------------------------------------------------------------


def can_see_employees(user: User) -> bool:
    return roles_of(user).has(Role.COMPANY_ADMIN)


def employer_companies(user: User) -> QuerySet[Company]:
    return Company.objects.filter(pk__in=admin_company_ids(user)).order_by("name")


def employee_enrolments(user: User) -> QuerySet[Enrolment]:
    """Enrolments of the companies `user` administers (only theirs), with attendance and work counted per row."""
    attended = Attendance.objects.filter(enrolment=OuterRef("pk"), present=True)
    accepted = Submission.objects.filter(enrolment=OuterRef("pk"), status=Submission.Status.ACCEPTED)
    sessions = CourseSession.objects.filter(course=OuterRef("course_id"))
    assignments = Assignment.objects.filter(session__course=OuterRef("course_id"))
    return (
        Enrolment.objects.filter(company_id__in=admin_company_ids(user))
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .select_related("participant", "company", "course__school", "certificate", "nomination")
        .annotate(
            attended=subquery_count(attended, "enrolment"),
            session_total=subquery_count(sessions, "course"),
            accepted=subquery_count(accepted, "enrolment"),
            assignment_total=subquery_count(assignments, "session__course"),
        )
        .order_by("participant__last_name", "participant__first_name", "course__title", "pk")
    )


def employee_counts(enrolments) -> dict:
    return {
        "people": len({e.participant_id for e in enrolments}),
        "completed": sum(e.status == Enrolment.Status.COMPLETED for e in enrolments),
    }
