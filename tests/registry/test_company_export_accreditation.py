"""The companies register export (CSV and XLSX) holds each company's accreditation: status, reason, SBB
recognition number and the period it is valid; only the companies the reader may see in the register."""

from datetime import date

import pytest
from django.urls import reverse

from accounts.models import Company
from tests.registry.test_register_export import csv_rows, xlsx_rows

COLUMNS = [
    "Accreditation",
    "Reason for the accreditation status",
    "Recognition number",
    "Accreditation valid from",
    "Accreditation valid until",
]


@pytest.fixture
def accredited(world):
    company = world.company  # hosts world.learner
    company.accreditation_status = Company.Accreditation.SUSPENDED
    company.accreditation_reason = "=Inspection found no mentor on site"
    company.recognition_number = "100234567"
    company.accredited_on = date(2024, 2, 1)
    company.accreditation_valid_until = date(2027, 1, 31)
    company.save()
    return company


def _accreditation(rows, name):
    header, *body = rows
    start = header.index("Accreditation")
    assert header[start : start + len(COLUMNS)] == COLUMNS
    return {row[0]: row[start : start + len(COLUMNS)] for row in body}.get(name)


def test_the_csv_export_holds_the_accreditation(client, world, accredited):
    client.force_login(world.coordinator)
    rows = csv_rows(client.get(reverse("company_register_export"), {"format": "csv"}))
    assert _accreditation(rows, accredited.name) == [
        "Accreditation suspended",
        "'=Inspection found no mentor on site",  # a reason is text, never a formula
        "100234567",
        "2024-02-01",
        "2027-01-31",
    ]


def test_the_xlsx_export_holds_the_accreditation(client, world, accredited):
    client.force_login(world.staff)
    rows = xlsx_rows(client.get(reverse("company_register_export"), {"format": "xlsx"}))
    status, reason, number, valid_from, valid_until = _accreditation(rows, accredited.name)
    assert (status, reason, number) == ("Accreditation suspended", "'=Inspection found no mentor on site", "100234567")
    assert str(valid_from)[:10] == "2024-02-01" and str(valid_until)[:10] == "2027-01-31"


def test_another_schools_coordinator_does_not_export_the_company(client, world, accredited):
    client.force_login(world.other_coordinator)
    rows = csv_rows(client.get(reverse("company_register_export"), {"format": "csv"}))
    assert _accreditation(rows, accredited.name) is None
