"""Renewing a certificate: a new certificate that `renews` the old one, when the school's rule is met.

The school decides what renewal takes (RegistrySettings): a refresher course completed after the
certificate was issued, and/or a number of hours of logged professional development within the
validity period. Every rule that is switched on must be met; with none on, renewal is free.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.models import User

from ..models import Certificate, Enrolment
from .designs import design_for_issue
from .eligibility import registry_settings_for
from .numbering import next_certificate_number
from .selectors import development_hours_between, refresher_completed_since
from .services import NotEligible, add_years, holder_snapshot, queue_certificate_email


@dataclass
class RenewalCheck:
    missing: list[str]
    refresher: Enrolment | None
    hours: Decimal
    hours_needed: int

    @property
    def allowed(self) -> bool:
        return not self.missing


def renewal_check(certificate: Certificate, *, today: date | None = None) -> RenewalCheck:
    today = today or timezone.localdate()
    rules = registry_settings_for(certificate.school_id)
    missing: list[str] = []
    refresher = None
    hours = Decimal(0)
    if certificate.revoked_at:
        missing.append(_("A revoked certificate cannot be renewed."))
    if Certificate.objects.filter(renews=certificate, revoked_at__isnull=True).exists():
        missing.append(_("This certificate has already been renewed."))
    holder = certificate.holder
    if holder is None:
        missing.append(_("The certificate is not linked to an account, so nothing can be checked."))
        return RenewalCheck(missing, None, hours, rules.renewal_development_hours)
    if rules.renewal_requires_refresher:
        refresher = refresher_completed_since(holder, certificate.school_id, certificate.issued_on)
        if refresher is None:
            missing.append(_("No refresher course of this school completed since the certificate was issued."))
    if rules.renewal_development_hours:
        hours = development_hours_between(holder, certificate.issued_on, today)
        if hours < rules.renewal_development_hours:
            missing.append(
                _("%(needed)s hours of logged professional development since %(since)s (has %(has)s).")
                % {
                    "needed": rules.renewal_development_hours,
                    "since": formats.date_format(certificate.issued_on, "j F Y"),
                    "has": formats.number_format(hours, decimal_pos=1 if hours % 1 else 0),
                }
            )
    return RenewalCheck(missing, refresher, hours, rules.renewal_development_hours)


def certificate_renew(*, certificate: Certificate, renewed_by: User, today: date | None = None) -> Certificate:
    """Issue the follow-up certificate; it runs on from the old one's end when renewed before it expires."""
    today = today or timezone.localdate()
    with transaction.atomic():
        old = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("school", "holder")
            .get(pk=certificate.pk)
        )
        check = renewal_check(old, today=today)
        if not check.allowed:
            raise NotEligible(check.missing)
        rules = registry_settings_for(old.school)
        snapshot = holder_snapshot(holder=old.holder, company=old.company)
        # The register keeps the company the certificate was issued for, also when that has no row anymore.
        snapshot.update(
            company_name=old.company_name, company_city=old.company_city, company_country=old.company_country
        )
        refresher = check.refresher
        use_enrolment = refresher is not None and not Certificate.objects.filter(enrolment=refresher).exists()
        renewal = Certificate.objects.create(
            number=next_certificate_number(today.year),
            school=old.school,
            course=refresher.course if refresher else old.course,
            enrolment=refresher if use_enrolment else None,
            renews=old,
            issued_on=today,
            valid_until=add_years(max(today, old.valid_until), rules.validity_years),
            issued_by=renewed_by,
            language=rules.certificate_language,
            design=design_for_issue(old.school, rules),
            **snapshot,
        )
        queue_certificate_email(renewal)
    return renewal
