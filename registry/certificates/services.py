"""Issuing work-mentor certificates: one for one enrolment, never two, with a number nobody else gets.

Idempotency lives here, not in the callers: the enrolment row is locked while we decide, and the
certificate's OneToOne to the enrolment is the last line of defence. A second attempt for the same
enrolment returns the certificate that exists.
"""

import calendar
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import School, User
from core.outbox import enqueue

from ..models import Certificate, Enrolment, RegistrySettings
from .designs import design_for_issue
from .eligibility import eligibility, registry_settings_for
from .numbering import next_certificate_number
from .tasks import send_certificate_email


class NotEligible(ValidationError):
    """Raised with the list of what is missing, so a view can show it as it is."""

    def __init__(self, missing: list[str]):
        super().__init__(missing)
        self.missing = missing


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February in a year without it."""
    target = day.year + years
    if day.month == 2 and day.day == 29 and not calendar.isleap(target):
        return day.replace(year=target, day=28)
    return day.replace(year=target)


def holder_snapshot(*, holder: User, company) -> dict:
    """Who and where, copied at issue time so the register still reads right after people move on."""
    return {
        "holder": holder,
        "holder_name": holder.get_full_name() or holder.email,
        "holder_email": holder.email,
        "company": company,
        "company_name": company.name if company else "",
        "company_city": company.city if company else "",
        "company_country": company.country if company else "",
    }


def sample_certificate(school: School, rules: RegistrySettings) -> Certificate:
    """An unsaved certificate with made-up people, to preview the school's settings."""
    today = timezone.localdate()
    return Certificate(
        number=f"WM-{today.year}-000000",
        holder_name="Zoë Hoekstra-Çelik",
        company_name="Bakkerij De Korenschoof",
        company_city="Utrecht",
        company_country="NL",
        school=school,
        issued_on=today,
        valid_until=add_years(today, rules.validity_years),
        language=rules.certificate_language,
    )


def queue_certificate_email(certificate: Certificate) -> None:
    enqueue(send_certificate_email, certificate.pk, key=f"certificate-email:{certificate.pk}")


def certificate_issue(
    *, enrolment: Enrolment, issued_by: User | None, issued_on: date | None = None
) -> tuple[Certificate, bool]:
    """Issue the certificate of a completed, eligible enrolment; (certificate, created).

    Raises NotEligible with what is missing. Issuing again returns the existing certificate unchanged.
    """
    issued_on = issued_on or timezone.localdate()
    with transaction.atomic():
        # The lock queues a second teacher (or the bulk job) behind the first until it commits.
        enrolment = (
            Enrolment.objects.select_for_update(of=("self",))
            .select_related("course__school", "participant", "company")
            .get(pk=enrolment.pk)
        )
        existing = Certificate.objects.filter(enrolment=enrolment).first()
        if existing is not None:
            return existing, False
        school = enrolment.course.school
        rules = registry_settings_for(school)
        missing = eligibility(enrolment, school, rules=rules)
        if missing:
            raise NotEligible(missing)
        certificate = Certificate(
            number=next_certificate_number(issued_on.year),
            school=school,
            course=enrolment.course,
            enrolment=enrolment,
            issued_on=issued_on,
            valid_until=add_years(issued_on, rules.validity_years),
            issued_by=issued_by,
            language=rules.certificate_language,
            design=design_for_issue(school, rules),
            **holder_snapshot(holder=enrolment.participant, company=enrolment.company),
        )
        try:
            with transaction.atomic():
                certificate.save()
        except IntegrityError:
            # Only reachable where the row lock is a no-op and another writer won; theirs stands.
            existing = Certificate.objects.filter(enrolment=enrolment).first()
            if existing is None:
                raise
            return existing, False
        queue_certificate_email(certificate)
    return certificate, True
