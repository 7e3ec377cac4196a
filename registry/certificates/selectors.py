"""Reads for the certificate screens, built on the central access rules in registry/selectors.py."""

import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import DecimalField, Exists, Max, OuterRef, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from accounts.models import Role, School, User
from accounts.selectors import roles_of
from mentoring.models import DevelopmentActivity

from ..models import BulkIssueItem, BulkIssueJob, Certificate, Course, Enrolment
from ..selectors import course_for_user, registry_school_ids
from .eligibility import eligibility, registry_settings_for

ERASED = "[removed]"


# --- Who may do what ----------------------------------------------------------------------------------


def can_erase_certificate(user: User, certificate: Certificate) -> bool:
    """Removing personal data is for the school's coordinators and staff, not for every teacher."""
    roles = roles_of(user)
    return roles.is_staff or certificate.school_id in roles.schools_as(Role.COORDINATOR)


def registry_settings_schools(user: User) -> QuerySet[School]:
    """Schools whose certificate rules `user` may change: coordinators their own, staff all."""
    roles = roles_of(user)
    if roles.is_staff:
        return School.objects.order_by("name")
    return School.objects.filter(pk__in=roles.schools_as(Role.COORDINATOR)).order_by("name")


def can_keep_eligibility(user: User) -> bool:
    """Work mentors (and company admins who take the course themselves) upload their own evidence."""
    roles = roles_of(user)
    return (
        roles.has(Role.MENTOR) or roles.has(Role.COMPANY_ADMIN) or Enrolment.objects.filter(participant=user).exists()
    )


# --- Lists ------------------------------------------------------------------------------------------


@dataclass
class EnrolmentRow:
    enrolment: Enrolment
    missing: list[str] = field(default_factory=list)
    certificate: Certificate | None = None

    @property
    def can_issue(self) -> bool:
        return self.certificate is None and not self.missing


def course_certificate_rows(course: Course) -> list[EnrolmentRow]:
    """Every participant of the course with what they still miss and their certificate, in a few queries."""
    rules = registry_settings_for(course.school)
    enrolments = course.enrolments.select_related("participant__eligibility", "company", "certificate").order_by(
        "participant__last_name", "participant__first_name", "pk"
    )
    rows = []
    for enrolment in enrolments:
        try:
            certificate = enrolment.certificate
        except Certificate.DoesNotExist:
            certificate = None
        missing = [] if certificate else eligibility(enrolment, course.school, rules=rules)
        rows.append(EnrolmentRow(enrolment=enrolment, missing=missing, certificate=certificate))
    return rows


def bulk_candidates(course: Course) -> QuerySet[Enrolment]:
    """Completed enrolments without a certificate: what a bulk run still has to look at."""
    return course.enrolments.filter(status=Enrolment.Status.COMPLETED, certificate__isnull=True).order_by("pk")


def not_issued_items(job: BulkIssueJob, limit: int = 100) -> list[BulkIssueItem]:
    """The participants a run skipped or could not issue, with the reason, for the job's page."""
    items = job.items.exclude(outcome__in=[BulkIssueItem.Outcome.ISSUED, BulkIssueItem.Outcome.PENDING])
    return list(items.select_related("enrolment__participant").order_by("outcome", "pk")[:limit])


def my_certificates(user: User) -> QuerySet[Certificate]:
    return Certificate.objects.filter(holder=user).select_related("school", "course").order_by("-issued_on", "-pk")


def not_renewed() -> Q:
    renewal = Certificate.objects.filter(renews=OuterRef("pk"), revoked_at__isnull=True)
    return ~Q(Exists(renewal))


def certificates_expiring_soon(user: User, *, today: date | None = None, days: int = 60) -> QuerySet[Certificate]:
    """Valid certificates the user works with that end within `days` and have not been renewed (dashboards)."""
    today = today or timezone.localdate()
    school_ids = registry_school_ids(user)
    certificates = Certificate.objects.currently_valid(today).filter(valid_until__lte=today + timedelta(days=days))
    if school_ids is not None:
        certificates = certificates.filter(school_id__in=school_ids)
    return certificates.filter(not_renewed()).select_related("school").order_by("valid_until", "pk")


def recent_bulk_jobs(course: Course, limit: int = 5) -> list[BulkIssueJob]:
    return list(course.bulk_jobs.select_related("requested_by").order_by("-created_at")[:limit])


# --- Single objects ---------------------------------------------------------------------------------


def bulk_job_for_user(user: User, public_id) -> BulkIssueJob:
    """The job, if the user can see its course; the caller still checks who may run it."""
    job = BulkIssueJob.objects.select_related("course__school").filter(public_id=public_id).first()
    if job is None:
        raise Http404("No such job.")
    course_for_user(user, job.course_id)  # 404 for outsiders
    return job


def certificate_by_code(code: str) -> Certificate | None:
    """The certificate a verification link points to; a malformed or unknown code is simply not found."""
    try:
        public_id = uuid.UUID(str(code))
    except (ValueError, TypeError, AttributeError):
        return None
    return Certificate.objects.select_related("school").filter(public_id=public_id).first()


def _name_words(text: str) -> list[str]:
    """Words of a name without case or accents, so "celik" finds "Çelik" and "DE VRIES" finds "de Vries"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.replace("-", " - ").split()


def certificate_by_number_and_last_name(number: str, last_name: str) -> Certificate | None:
    """The certificate with this number whose holder's name ends with this last name; else None."""
    number = (number or "").strip().upper()
    wanted = _name_words(last_name or "")
    if not number or not wanted:
        return None
    certificate = Certificate.objects.select_related("school").filter(number=number).first()
    if certificate is None or certificate.holder_name == ERASED:
        return None
    words = _name_words(certificate.holder_name)
    return certificate if len(words) > len(wanted) and words[-len(wanted) :] == wanted else None


# --- Renewal ----------------------------------------------------------------------------------------


def development_hours_between(user: User, start: date, end: date) -> Decimal:
    """Hours of the mentor's own logged development from `start` to `end`, both included."""
    total = DevelopmentActivity.objects.filter(mentor=user, date__gte=start, date__lte=end).aggregate(
        total=Sum("hours", output_field=DecimalField(max_digits=12, decimal_places=1))
    )["total"]
    return Decimal(total or 0)


def refresher_completed_since(user: User, school_id: int, day: date) -> Enrolment | None:
    """A refresher course at the school that the user completed and that finished on or after `day`."""
    return (
        Enrolment.objects.filter(
            participant=user,
            status=Enrolment.Status.COMPLETED,
            course__is_refresher=True,
            course__school_id=school_id,
        )
        .annotate(last_session=Max("course__sessions__ends_at"))
        # Without sessions, the enrolment's own date is the best sign of when the course took place.
        .filter(Q(last_session__date__gte=day) | Q(last_session__isnull=True, created_at__date__gte=day))
        .select_related("course")
        .order_by("-pk")
        .first()
    )
