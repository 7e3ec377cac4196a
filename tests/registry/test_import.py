"""Importing certified mentors from CSV: a dry run that writes nothing, then every row or none."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Role
from registry.models import Certificate, RegistrySettings
from registry.register.services import MAX_IMPORT_ROWS, certificates_import, decode_upload, import_preview
from tests.factories import CompanyFactory, grant
from tests.registry.factories_register import make_certificate

HEADER = "number,holder_name,holder_email,company_name,company_city,company_country,issued_on,valid_until"
GOOD = (
    f"{HEADER}\n"
    "WM-2019-000501,Marieke de Vries,marieke@example.org,Bakkerij De Korenschoof,Utrecht,NL,2019-04-01,2022-04-01\n"
    ",Jan Smit,jan@example.org,Garage Smit,Gent,BE,15-09-2024,\n"
)


def upload(client, text, *, encoding="utf-8", name="mentors.csv", **extra):
    data = text.encode(encoding) if isinstance(text, str) else text
    return client.post(reverse("register_import"), {"file": SimpleUploadedFile(name, data), **extra})


def confirm(client, response):
    return client.post(reverse("register_import_confirm"), {"token": response.context["confirm_form"]["token"].value()})


def test_the_dry_run_shows_a_preview_and_writes_nothing(client, world):
    client.force_login(world.coordinator)
    response = upload(client, GOOD)
    assert response.status_code == 200
    preview = response.context["preview"]
    assert preview.is_valid and len(preview.rows) == 2
    assert preview.rows[1].valid_until == date(2027, 9, 15)  # the school's default of three years
    assert response.context["confirm_form"] is not None
    assert Certificate.objects.count() == 0


def test_confirming_imports_every_row(client, world):
    client.force_login(world.coordinator)
    response = confirm(client, upload(client, GOOD))
    assert response.status_code == 302 and response.url == reverse("register")
    marieke, jan = Certificate.objects.order_by("issued_on")
    assert (marieke.number, marieke.company, marieke.school, marieke.imported) == (
        "WM-2019-000501",
        world.company,  # linked: exactly one company with that name, city and country
        world.school,
        True,
    )
    assert (jan.number, jan.company, jan.company_country, jan.valid_until) == (
        "WM-2024-000001",  # the next number of the issue year
        None,
        "BE",
        date(2027, 9, 15),
    )
    # The token is used up: a second confirmation imports nothing more.
    assert client.post(reverse("register_import_confirm"), {"token": "again"}).status_code == 302
    assert Certificate.objects.count() == 2


def test_a_file_with_one_bad_row_imports_nothing_and_names_the_row(client, world):
    text = GOOD + ",Piet Fout,piet@example.org,Bouw BV,Leiden,XX,31-02-2024,\n"
    client.force_login(world.coordinator)
    response = upload(client, text)
    assert response.status_code == 200
    assert response.context["confirm_form"] is None
    errors = [(error.row, error.column) for error in response.context["preview"].errors]
    assert errors == [(4, "company_country"), (4, "issued_on")]
    assert "Unknown country" in response.text and "Not a date" in response.text
    assert Certificate.objects.count() == 0


@pytest.mark.parametrize(
    "row, column, message",
    [
        (",,x@example.org,Bouw,Leiden,NL,2024-01-01,", "holder_name", "name is missing"),
        (",Piet,not-an-email,Bouw,Leiden,NL,2024-01-01,", "holder_email", "not a valid e-mail"),
        (",Piet,,Bouw,Leiden,NL,2024-13-01,", "issued_on", "Not a date"),
        (",Piet,,Bouw,Leiden,NL,,", "issued_on", "issue date is missing"),
        (",Piet,,Bouw,Leiden,NL,2024-05-01,2024-04-01", "valid_until", "valid until a day after"),
        (",Piet,,Bouw,Leiden,NL,2024-05-01,2024-05-01", "valid_until", "valid until a day after"),
        (",Piet,,Bouw,Leiden,NL,2999-05-01,", "issued_on", "in the future"),
        ("WM-2019-000501,Piet,,Bouw,Leiden,NL,2024-05-01,", "number", "same number is on row 2"),
    ],
)
def test_each_rule_is_reported_per_row_and_column(world, row, column, message):
    preview = import_preview(GOOD + row + "\n", school=world.school)
    assert [(error.row, error.column) for error in preview.errors] == [(4, column)]
    assert message in preview.errors[0].message
    assert not preview.is_valid


def test_a_number_already_in_the_register_is_refused(world):
    make_certificate(school=world.other_school, number="WM-2019-000501")
    preview = import_preview(GOOD, school=world.school)
    assert [(error.row, error.column) for error in preview.errors] == [(2, "number")]


def test_the_service_refuses_a_bad_file_as_a_whole(world):
    with pytest.raises(Exception, match="nothing was imported"):
        certificates_import(text=GOOD + ",,,,,,2024-01-01,\n", school=world.school)
    assert Certificate.objects.count() == 0


def test_generated_numbers_skip_numbers_the_file_or_an_earlier_import_uses(world):
    make_certificate(school=world.school, number="WM-2024-000001")
    text = f"{HEADER}\nWM-2024-000002,Eerste,,,,,2024-01-01,\n,Tweede,,,,,2024-02-01,\n"
    assert certificates_import(text=text, school=world.school) == 2
    assert Certificate.objects.get(holder_name="Tweede").number == "WM-2024-000003"


def test_valid_until_follows_the_schools_validity_setting(world):
    RegistrySettings.objects.create(school=world.school, validity_years=5)
    preview = import_preview(f"{HEADER}\n,Piet,,,,,2020-02-29,\n", school=world.school)
    assert preview.rows[0].valid_until == date(2025, 2, 28)


def test_a_company_name_shared_by_two_companies_is_not_linked(world):
    CompanyFactory(name="Bakkerij De Korenschoof", city="Utrecht", country="NL")
    preview = import_preview(GOOD, school=world.school)
    assert preview.rows[0].company_id is None


@pytest.mark.parametrize(
    "text, encoding",
    [
        (GOOD, "utf-8"),
        ("\ufeff" + GOOD, "utf-8"),
        (GOOD.replace(",", ";"), "utf-8"),
        ("\ufeff" + GOOD.replace(",", ";"), "utf-8"),
        (GOOD.replace(",", ";").replace("Smit", "Smit-Müller é"), "cp1252"),
        (GOOD.replace("\n", "\r\n"), "cp1252"),
        (GOOD.replace(",", "\t"), "utf-8"),
    ],
)
def test_encodings_and_delimiters_are_recognised(client, world, text, encoding):
    client.force_login(world.coordinator)
    response = upload(client, text, encoding=encoding)
    preview = response.context["preview"]
    assert preview.is_valid, preview.errors or preview.file_errors
    assert preview.rows[1].values["holder_name"].startswith("Jan Smit")
    if "Müller" in text:
        assert preview.rows[1].values["holder_name"] == "Jan Smit-Müller é"


def test_a_semicolon_file_with_commas_in_names_is_read_right(world):
    text = f"{HEADER.replace(',', ';')}\n;Smit, Jan;;Bakkerij, Brood & Banket;Delft;NL;2024-01-01;\n"
    preview = import_preview(text, school=world.school)
    assert preview.is_valid
    assert preview.rows[0].values["holder_name"] == "Smit, Jan"


def test_decoding_falls_back_to_windows_1252(db):
    assert decode_upload("Müller".encode("cp1252")) == ("Müller", "cp1252")
    assert decode_upload("\ufeffMüller".encode()) == ("Müller", "utf-8")


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "The file is empty"),
        ("name,email\nPiet,piet@example.org\n", "Columns are missing: holder_name, issued_on"),
        (f"{HEADER}\n", "no rows below the column names"),
    ],
)
def test_file_level_problems_are_reported(world, text, message):
    preview = import_preview(text, school=world.school)
    assert any(message in error for error in preview.file_errors)
    assert not preview.is_valid


def test_too_many_rows_are_refused(world):
    rows = "".join(f",Person {n},,,,,2024-01-01,\n" for n in range(MAX_IMPORT_ROWS + 1))
    preview = import_preview(HEADER + "\n" + rows, school=world.school)
    assert any("more than" in error for error in preview.file_errors)


def test_a_file_that_is_too_large_is_refused(client, world, monkeypatch):
    monkeypatch.setattr("registry.register.forms.MAX_IMPORT_BYTES", 10)
    client.force_login(world.coordinator)
    response = upload(client, GOOD)
    assert response.status_code == 200
    assert "larger than" in response.text
    assert "preview" not in response.context


def test_a_coordinator_of_two_schools_chooses_the_school(client, world):
    grant(world.coordinator, Role.COORDINATOR, world.other_school)
    client.force_login(world.coordinator)
    response = confirm(client, upload(client, GOOD, school=world.other_school.pk))
    assert response.status_code == 302
    assert set(Certificate.objects.values_list("school", flat=True)) == {world.other_school.pk}


def test_a_coordinator_cannot_import_into_another_school(client, world):
    client.force_login(world.coordinator)
    response = upload(client, GOOD, school=world.other_school.pk)
    assert response.status_code == 200
    assert "preview" not in response.context
    assert Certificate.objects.count() == 0


def test_a_number_taken_between_preview_and_confirm_imports_nothing(client, world):
    client.force_login(world.coordinator)
    preview_response = upload(client, GOOD)
    make_certificate(school=world.other_school, number="WM-2019-000501")
    response = confirm(client, preview_response)
    assert response.status_code == 400
    assert "nothing was imported" in response.text
    assert Certificate.objects.filter(imported=True).count() == 0


def test_a_forged_token_imports_nothing(client, world):
    client.force_login(world.coordinator)
    upload(client, GOOD)
    response = client.post(reverse("register_import_confirm"), {"token": "forged"})
    assert response.status_code == 302 and response.url == reverse("register_import")
    assert Certificate.objects.count() == 0
