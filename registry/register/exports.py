"""What the CSV and XLSX exports of the registers hold: their header and rows (core.spreadsheet writes them)."""

from collections.abc import Iterator

from django.db.models import Case, CharField, Value, When
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from ..models import Certificate

CERTIFICATE_EXPORT_FIELDS = (
    "number",
    "holder_name",
    "company_name",
    "company_city",
    "company_country",
    "company__sector",
    "school__name",
    "course__title",
    "issued_on",
    "valid_until",
)


def certificate_export_header() -> list[str]:
    return [
        _("Number"),
        _("Holder"),
        _("Company"),
        _("City"),
        _("Country"),
        _("Sector"),
        _("School"),
        _("Course"),
        _("Issued on"),
        _("Valid until"),
        _("Status"),
    ]


def certificate_export_query(certificates, *, today=None):
    """The export's rows as tuples, the status label (as certificate_state gives it) worked out by the database,
    so Python touches each row once, to write it. bench/export_register.py times it against COPY of this query."""
    today = today or timezone.localdate()
    labels = {state: capfirst(str(label)) for state, label in Certificate.State.choices}
    status = Case(
        When(revoked_at__isnull=False, then=Value(labels[Certificate.State.REVOKED])),
        When(valid_until__lt=today, then=Value(labels[Certificate.State.EXPIRED])),
        default=Value(labels[Certificate.State.VALID]),
        output_field=CharField(),
    )
    return certificates.annotate(export_status=status).values_list(*CERTIFICATE_EXPORT_FIELDS, "export_status")


def certificate_export_rows(certificates, *, today=None) -> Iterator[tuple]:
    """The rows as the database gives them, a few thousand at a time (a server-side cursor on PostgreSQL)."""
    return certificate_export_query(certificates, today=today).iterator(chunk_size=2000)


def company_export_header() -> list[str]:
    return [
        _("Company"),
        _("Sector"),
        _("City"),
        _("Country"),
        _("Accreditation"),
        _("Reason for the accreditation status"),
        _("Recognition number"),
        _("Accreditation valid from"),
        _("Accreditation valid until"),
        _("Certified mentors"),
        _("Active placements"),
        _("Last valid certificate until"),
        _("No certified mentor"),
        _("Last certificate expires soon"),
    ]


def company_export_rows(companies) -> Iterator[list]:
    yes = _("yes")
    for company in companies.iterator(chunk_size=2000):
        yield [
            company.name,
            company.sector,
            company.city,
            company.country,
            capfirst(company.get_accreditation_status_display()),
            company.accreditation_reason,
            company.recognition_number,
            company.accredited_on or "",
            company.accreditation_valid_until or "",
            company.certified_mentors,
            company.active_placements,
            company.last_valid_until or "",
            yes if company.flag_uncertified else "",
            yes if company.flag_expiring else "",
        ]
