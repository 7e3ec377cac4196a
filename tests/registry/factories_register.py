"""Certificates for the register tests, with every snapshot column filled the way issuing fills them."""

import itertools
from datetime import timedelta

from django.utils import timezone

from registry.models import Certificate, RegistrySettings

_numbers = itertools.count(1)


def make_certificate(*, school, company=None, holder_name="Marieke de Vries", **kwargs):
    """A certificate of `school`; by default issued a year ago and valid for two more years."""
    today = timezone.localdate()
    sequence = next(_numbers)
    kwargs.setdefault("number", f"WM-2020-{sequence:06d}")
    kwargs.setdefault("issued_on", today - timedelta(days=365))
    kwargs.setdefault("valid_until", today + timedelta(days=730))
    kwargs.setdefault("holder_email", f"holder{sequence}@example.org")
    if company is not None:
        kwargs.setdefault("company_name", company.name)
        kwargs.setdefault("company_city", company.city)
        kwargs.setdefault("company_country", company.country)
    else:
        kwargs.setdefault("company_name", "Bakkerij De Korenschoof")
        kwargs.setdefault("company_city", "Utrecht")
        kwargs.setdefault("company_country", "NL")
    if kwargs.get("revoked_at") and not kwargs.get("revocation_reason"):
        kwargs["revocation_reason"] = "Issued by mistake."
    return Certificate.objects.create(school=school, company=company, holder_name=holder_name, **kwargs)


def revoked(**kwargs):
    return make_certificate(revoked_at=timezone.now(), **kwargs)


def expired(**kwargs):
    today = timezone.localdate()
    kwargs.setdefault("issued_on", today - timedelta(days=4 * 365))
    kwargs.setdefault("valid_until", today - timedelta(days=10))
    return make_certificate(**kwargs)


def publish_register(school, published=True):
    settings, _ = RegistrySettings.objects.update_or_create(
        school=school, defaults={"publish_public_register": published}
    )
    return settings
