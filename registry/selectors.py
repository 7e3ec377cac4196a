"""Who may see what in the register, the mentor courses and the certificates. Views ask here only.

- Teachers and coordinators work with their own school's courses, certificates and register.
- A work mentor sees the courses they take part in (and open ones to enrol in) and their own certificates.
- A company admin sees their employees' enrolments and certificates.
- Staff see everything. The public sees only the verification page and a school's published subset.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.models import Role, User
from accounts.selectors import roles_of

from .models import Certificate, Course, Enrolment


def registry_school_ids(user: User) -> frozenset[int] | None:
    """Schools whose register and courses `user` works with as teacher or coordinator; None = all (staff)."""
    roles = roles_of(user)
    if roles.is_staff:
        return None
    return roles.school_staff_school_ids


def can_search_register(user: User) -> bool:
    school_ids = registry_school_ids(user)
    return school_ids is None or bool(school_ids)


def certificates_visible_to(user: User) -> QuerySet[Certificate]:
    roles = roles_of(user)
    certificates = Certificate.objects.all()
    if roles.is_staff:
        return certificates
    visible = Q(pk__in=[])
    if roles.school_staff_school_ids:
        visible |= Q(school_id__in=roles.school_staff_school_ids)
    if roles.has(Role.COMPANY_ADMIN):
        visible |= Q(company_id__in=roles.companies_as(Role.COMPANY_ADMIN))
    if user.is_authenticated:
        visible |= Q(holder=user)
    return certificates.filter(visible)


def certificate_for_user(user: User, pk: int) -> Certificate:
    try:
        return certificates_visible_to(user).select_related("school", "company", "course").get(pk=pk)
    except (Certificate.DoesNotExist, ValueError, TypeError):
        raise Http404("No such certificate.") from None


def can_manage_certificates(user: User, certificate: Certificate) -> bool:
    """Teachers and coordinators of the issuing school (and staff) issue, revoke and renew."""
    school_ids = registry_school_ids(user)
    return school_ids is None or certificate.school_id in school_ids


def courses_visible_to(user: User) -> QuerySet[Course]:
    roles = roles_of(user)
    courses = Course.objects.all()
    if roles.is_staff:
        return courses
    visible = Q(pk__in=[])
    if roles.school_staff_school_ids:
        visible |= Q(school_id__in=roles.school_staff_school_ids)
    if roles.has(Role.MENTOR) or roles.has(Role.COMPANY_ADMIN):
        # A closed cohort is open to its own company's people only.
        own = roles.companies_as(Role.MENTOR) | roles.companies_as(Role.COMPANY_ADMIN)
        open_to_them = Q(closed_for__isnull=True) | Q(closed_for_id__in=own)
        visible |= (Q(status=Course.Status.OPEN) & open_to_them) | Q(enrolments__participant=user)
    if roles.has(Role.COMPANY_ADMIN):
        visible |= Q(enrolments__company_id__in=roles.companies_as(Role.COMPANY_ADMIN))
    return courses.filter(visible).distinct()


def course_for_user(user: User, pk: int) -> Course:
    try:
        return courses_visible_to(user).select_related("school", "teacher", "closed_for").get(pk=pk)
    except (Course.DoesNotExist, ValueError, TypeError):
        raise Http404("No such course.") from None


def can_manage_course(user: User, course: Course) -> bool:
    """The school's teachers and coordinators (and staff) run a course: sessions, reviews, attendance."""
    school_ids = registry_school_ids(user)
    return school_ids is None or course.school_id in school_ids


def enrolments_visible_to(user: User, course: Course) -> QuerySet[Enrolment]:
    """All participants for those who run the course; an employer their own staff; a participant themself."""
    enrolments = course.enrolments.select_related("participant", "company")
    if can_manage_course(user, course):
        return enrolments
    roles = roles_of(user)
    return enrolments.filter(Q(participant=user) | Q(company_id__in=roles.companies_as(Role.COMPANY_ADMIN)))
