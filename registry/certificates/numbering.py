"""Readable certificate numbers (WM-2026-000123), unique even when several teachers issue at once."""

from django.db import IntegrityError, transaction

from ..models import CertificateNumberSequence

PREFIX = "WM"


def format_number(year: int, sequence: int) -> str:
    return f"{PREFIX}-{year}-{sequence:06d}"


def next_certificate_number(year: int) -> str:
    """Take the next number of `year`. Call inside the transaction that saves the certificate.

    The sequence row is locked until that transaction ends, so concurrent issuers queue up behind it; the
    unique constraint on Certificate.number stays as the last line of defence.
    """
    with transaction.atomic():
        try:
            with transaction.atomic():
                CertificateNumberSequence.objects.get_or_create(year=year)
        except IntegrityError:  # another transaction created the year's row first
            pass
        sequence = CertificateNumberSequence.objects.select_for_update().get(year=year)
        sequence.last += 1
        sequence.save(update_fields=["last"])
        return format_number(year, sequence.last)
