"""CSV and Excel exports of the register: the columns, the filters, and formulas that never run."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core import spreadsheet
from registry.models import Certificate
from registry.register.exports import certificate_export_rows
from tests.registry.factories_register import make_certificate, revoked

EVIL_HOLDER = "=cmd|' /C calc'!A0"
HEADER = [
    "Number",
    "Holder",
    "Company",
    "City",
    "Country",
    "Sector",
    "School",
    "Course",
    "Issued on",
    "Valid until",
    "Status",
]


def csv_rows(response):
    assert response.status_code == 200
    assert response.streaming  # large registers are streamed, not built in memory
    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"] == spreadsheet.XLSX_CONTENT_TYPE
    assert response.streaming  # written to a temporary file, not built in memory
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def evil(world):
    return make_certificate(
        school=world.school,
        company=world.company,
        holder_name=EVIL_HOLDER,
        number="WM-2024-000777",
        company_name="+31 Bakkers",
        company_city="@Utrecht",
        issued_on=date(2024, 5, 1),
        valid_until=date(2027, 5, 1),
    )


def test_the_csv_export_has_every_column_and_neutralises_formulas(client, world, evil):
    client.force_login(world.coordinator)
    response = client.get(reverse("register_export"), {"format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="werkmentor-register-')
    rows = csv_rows(response)
    assert rows[0] == HEADER
    assert rows[1] == [
        "WM-2024-000777",
        "'" + EVIL_HOLDER,
        "'+31 Bakkers",
        "'@Utrecht",
        "NL",
        "Food production",
        "Rijnland Vakcollege",
        "",
        "2024-05-01",
        "2027-05-01",
        "Valid" if date(2027, 5, 1) >= timezone.localdate() else "Expired",
    ]


def test_the_xlsx_export_neutralises_formulas_and_keeps_dates(client, world, evil):
    client.force_login(world.coordinator)
    rows = xlsx_rows(client.get(reverse("register_export"), {"format": "xlsx"}))
    assert rows[0] == HEADER
    number, holder, company, city, *_rest = rows[1]
    assert (number, holder, company, city) == ("WM-2024-000777", "'" + EVIL_HOLDER, "'+31 Bakkers", "'@Utrecht")
    assert rows[1][8].date() == date(2024, 5, 1)


def test_the_export_follows_the_filters_of_the_page(client, world, evil):
    make_certificate(school=world.school, holder_name="Someone Else")
    revoked(school=world.school, holder_name="Revoked Person")
    client.force_login(world.coordinator)
    rows = csv_rows(client.get(reverse("register_export"), {"format": "csv", "q": "someone"}))
    assert [row[1] for row in rows[1:]] == ["Someone Else"]
    rows = csv_rows(client.get(reverse("register_export"), {"format": "csv", "status": "revoked"}))
    assert [(row[1], row[-1]) for row in rows[1:]] == [("Revoked Person", "Revoked")]


def test_an_unknown_export_format_is_a_bad_request(client, world):
    client.force_login(world.coordinator)
    assert client.get(reverse("register_export"), {"format": "pdf"}).status_code == 400


def test_the_xlsx_export_stops_at_its_cap(client, world, monkeypatch):
    for n in range(3):
        make_certificate(school=world.school, holder_name=f"Holder {n}")
    monkeypatch.setattr(spreadsheet, "MAX_XLSX_ROWS", 2)
    client.force_login(world.coordinator)
    rows = xlsx_rows(client.get(reverse("register_export"), {"format": "xlsx"}))
    assert len(rows) == 1 + 2 + 1
    assert rows[-1][0].startswith("Only the first 2 rows")


def test_control_characters_do_not_break_the_workbook(client, world):
    make_certificate(school=world.school, holder_name="Bell\x07 Ringer")
    client.force_login(world.coordinator)
    rows = xlsx_rows(client.get(reverse("register_export"), {"format": "xlsx"}))
    assert rows[1][1] == "Bell Ringer"


def test_the_dutch_csv_uses_semicolons(client, world, evil):
    client.force_login(world.coordinator)
    client.cookies["django_language"] = "nl"
    response = client.get(reverse("register_export"), {"format": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert content.splitlines()[1].startswith("WM-2024-000777;'=cmd")


def test_the_status_the_database_works_out_is_the_certificates_own(world):
    today = timezone.localdate()
    made = {
        "valid": make_certificate(school=world.school, valid_until=today),
        "expired": make_certificate(school=world.school, valid_until=today - timedelta(days=1)),
        "revoked": revoked(school=world.school),
    }
    labels = dict(Certificate.State.choices)
    rows = {row[0]: row[-1] for row in certificate_export_rows(Certificate.objects.all(), today=today)}
    for certificate in made.values():
        assert rows[certificate.number] == str(labels[certificate.state()]).capitalize()
