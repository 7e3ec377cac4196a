"""The CSV export of a year of the development log, and the cell neutralising it relies on."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from core.spreadsheet import safe_cell
from mentoring.models import DevelopmentActivity

Kind = DevelopmentActivity.Kind


def log(mentor, *, day, hours="1", kind=Kind.READING, title="Trade journal", notes=""):
    return DevelopmentActivity.objects.create(
        mentor=mentor, kind=kind, title=title, date=day, hours=Decimal(hours), notes=notes
    )


def export(client, year, delimiter=","):
    response = client.get(reverse("development_export"), {"year": year})
    assert response.status_code == 200
    content = b"".join(response.streaming_content)  # the CSV is streamed
    return response, content, list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


@pytest.mark.parametrize(
    "value, expected",
    [
        ('=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'),
        ("+31 6 1234", "'+31 6 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Course = useful", "Course = useful"),
        ("", ""),
        (None, ""),
        (Decimal("1.5"), Decimal("1.5")),
        (-3, -3),
        (date(2025, 1, 1), "2025-01-01"),
    ],
)
def test_safe_cell_defuses_text_a_spreadsheet_would_run_as_a_formula(value, expected):
    assert safe_cell(value) == expected


def test_the_export_lists_the_years_activities_with_a_total_row(client, world):
    log(world.mentor, day=date(2024, 5, 22), hours="4", kind=Kind.TRADE_FAIR, title="Bakery fair", notes="Houten")
    log(world.mentor, day=date(2024, 3, 14), hours="6.5", kind=Kind.COURSE, title="Refresher day")
    log(world.mentor, day=date(2023, 12, 31), hours="2", title="Last year's article")
    log(world.colleague_mentor, day=date(2024, 4, 1), hours="9", title="A colleague's course")
    client.force_login(world.mentor)
    response, content, rows = export(client, 2024)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="werkmentor-development-2024.csv"'
    assert content.startswith("\ufeff".encode())
    assert rows == [
        ["Date", "Kind", "Title", "Hours", "Notes"],
        ["2024-03-14", "Course", "Refresher day", "6.5", ""],
        ["2024-05-22", "Trade fair or event", "Bakery fair", "4.0", "Houten"],
        ["Total", "", "", "10.5", ""],
    ]


def test_the_export_of_an_empty_year_has_a_zero_total(client, world):
    client.force_login(world.mentor)
    _, _, rows = export(client, 2020)
    assert rows == [["Date", "Kind", "Title", "Hours", "Notes"], ["Total", "", "", "0.0", ""]]


def test_the_export_neutralises_formulas_in_what_the_mentor_typed(client, world):
    log(world.mentor, day=date(2024, 1, 5), title='=HYPERLINK("http://evil.example","Click")', notes="@SUM(A1)")
    log(world.mentor, day=date(2024, 1, 6), title="+ tips from Henk", notes="-1 hour for lunch")
    client.force_login(world.mentor)
    _, _, rows = export(client, 2024)
    assert rows[1][2:] == ['\'=HYPERLINK("http://evil.example","Click")', "1.0", "'@SUM(A1)"]
    assert rows[2][2:] == ["'+ tips from Henk", "1.0", "'-1 hour for lunch"]


def test_the_export_without_a_year_is_of_the_current_year(client, world):
    client.force_login(world.mentor)
    response = client.get(reverse("development_export"))
    assert response.status_code == 200
    year = timezone.localdate().year
    assert response["Content-Disposition"] == f'attachment; filename="werkmentor-development-{year}.csv"'


def test_an_export_of_a_nonsense_year_is_a_bad_request(client, world):
    client.force_login(world.mentor)
    assert client.get(reverse("development_export"), {"year": "2024; DROP"}).status_code == 400
    assert client.get(reverse("development_export"), {"year": "0"}).status_code == 400


def test_in_dutch_the_export_uses_semicolons_and_decimal_commas_as_dutch_excel_expects(client, world):
    log(world.mentor, day=date(2024, 3, 14), hours="6.5", title="Opfrisdag, Rijnland")
    client.force_login(world.mentor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    _, _, rows = export(client, 2024, delimiter=";")
    assert rows[1][0] == "2024-03-14"
    assert rows[1][2:4] == ["Opfrisdag, Rijnland", "6,5"]
    assert rows[-1][3] == "6,5"
