"""Reading the exports of student information systems, and guessing which column holds what."""

import io
from datetime import date

import pytest
from openpyxl import Workbook

from placements.imports.columns import guess_columns
from placements.imports.reading import UnreadableFile, read_table

from .factories_imports import sample


def titles(kind, headers, **kwargs):
    return {name: headers[index] for name, index in guess_columns(kind, headers, **kwargs).items() if index is not None}


def test_the_learner_sample_is_utf8_with_bom_and_semicolons_and_keeps_its_diacritics():
    table = read_table("learners_export.csv", sample("learners_export.csv"))
    assert (table.delimiter, table.encoding) == (";", "utf-8")
    assert table.headers[0] == "Studentnummer"  # no byte order mark stuck to the first title
    assert len(table.rows) == 20
    assert table.rows[0] == (2, table.rows[0][1])  # the titles are row 1
    assert table.rows[3][1][1:4] == ["Çağla", "", "Öztürk"]
    assert table.rows[1][1][2] == "van der"


def test_the_xlsx_sample_gives_the_same_rows_with_numbers_and_dates_as_text():
    csv_table = read_table("learners_export.csv", sample("learners_export.csv"))
    xlsx_table = read_table("learners_export.xlsx", sample("learners_export.xlsx"))
    assert xlsx_table.headers == csv_table.headers
    assert len(xlsx_table.rows) == 20
    first = xlsx_table.rows[0][1]
    assert first[0] == "100231"  # a number cell, without ".0"
    assert first[5] == "2009-03-14"  # a date cell
    assert first[1] == "Zoë"


def test_a_windows_1252_file_is_read_with_its_accents():
    table = read_table("learners_one_bad_row.csv", sample("learners_one_bad_row.csv"))
    assert table.encoding == "windows-1252"
    assert table.rows[1][1][1] == "Daniël"


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("Studentnummer\tRoepnaam\tAchternaam\n1\tZoe\tBakker\n", "\t"),
        ('Studentnummer,Roepnaam,Achternaam\n1,"Zoë, de kleine",Bakker\n', ","),
        ("Studentnummer;Roepnaam;Achternaam\r\n1;Zoë;Bakker\r\n", ";"),
    ],
)
def test_tab_comma_and_semicolon_files_are_split_on_their_own_separator(text, delimiter):
    table = read_table("export.csv", text.encode())
    assert table.delimiter == delimiter
    assert table.headers == ["Studentnummer", "Roepnaam", "Achternaam"]
    assert table.rows[0][1][0] == "1"
    assert table.rows[0][1][2] == "Bakker"


def test_empty_rows_are_skipped_but_keep_their_number_and_short_rows_are_padded():
    table = read_table("export.csv", b"A;B;C\n1;2;3\n;;\n\n4\n")
    assert table.rows == [(2, ["1", "2", "3"]), (5, ["4", "", ""])]


def test_duplicate_and_empty_titles_can_still_be_told_apart():
    table = read_table("export.csv", b"E-mail;E-mail;\n1;2;3\n")
    assert table.headers == ["E-mail", "E-mail (2)", "Column 3"]


def test_an_xlsx_with_a_first_empty_row_starts_at_its_titles():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([])
    sheet.append(["Studentnummer", "Geboortedatum"])
    sheet.append([123.0, date(2009, 1, 5)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_table("export.xlsx", buffer.getvalue())
    assert table.headers == ["Studentnummer", "Geboortedatum"]
    assert table.rows == [(3, ["123", "2009-01-05"])]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("export.pdf", b"%PDF-1.4", "Upload a CSV file"),
        ("export.xlsx", b"Studentnummer;Naam\n1;Zoe\n", "not a readable Excel workbook"),
        ("export.xlsx", b"PK\x03\x04 broken zip", "not a readable Excel workbook"),
        ("export.csv", b"", "The file is empty"),
        ("export.csv", b"\n\n;;\n", "The file is empty"),
    ],
)
def test_an_unreadable_file_is_refused_with_the_reason(name, data, reason):
    with pytest.raises(UnreadableFile, match=reason):
        read_table(name, data)


def test_the_dutch_learner_titles_are_guessed():
    table = read_table("learners_export.csv", sample("learners_export.csv"))
    assert titles("learners", table.headers) == {
        "student_number": "Studentnummer",
        "first_name": "Roepnaam",
        "prefix": "Tussenvoegsel",
        "last_name": "Achternaam",
        "email": "E-mailadres",
        "date_of_birth": "Geboortedatum",
        "programme": "Opleiding",
        "cohort": "Cohort",
        "guardian_name": "Naam ouder/verzorger",
        "guardian_email": "E-mailadres ouder/verzorger",
        "guardian_phone": "Telefoon ouder/verzorger",
    }


def test_the_dutch_placement_titles_are_guessed_and_the_mentor_is_the_email_column():
    table = read_table("placements_export.csv", sample("placements_export.csv"))
    assert titles("placements", table.headers) == {
        "student_number": "Studentnummer",
        "kvk": "KvK-nummer",
        "company_name": "Naam leerbedrijf",
        "address": "Adres",
        "postcode": "Postcode",
        "city": "Plaats",
        "mentor_email": "E-mail praktijkopleider",
        "mentor_name": "Praktijkopleider",
        "supervisor_email": "E-mail BPV-begeleider",
        "supervisor_name": "Begeleider school/BPV-begeleider",
        "start_date": "Begindatum",
        "end_date": "Einddatum",
        "hours_per_week": "Uren per week",
        "programme": "Crebo",
    }


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        # A person's column without "mail" holds their e-mail when no other column does.
        (["Studentnummer", "KvK", "Praktijkopleider", "BPV-begeleider"],
         {"student_number": "Studentnummer", "kvk": "KvK", "mentor_email": "Praktijkopleider",
          "supervisor_email": "BPV-begeleider"}),
        # Other systems' titles: "Bedrijfsnaam", "Vestigingsplaats", "E-mailadres ..." (an address is not "adres").
        (["Deelnemernummer", "KvK-nummer bedrijf", "Bedrijfsnaam", "Vestigingsplaats", "Branche",
          "Naam praktijkopleider", "E-mailadres praktijkopleider", "Begeleider school", "E-mail begeleider school"],
         {"student_number": "Deelnemernummer", "kvk": "KvK-nummer bedrijf", "company_name": "Bedrijfsnaam",
          "city": "Vestigingsplaats", "sector": "Branche", "mentor_name": "Naam praktijkopleider",
          "mentor_email": "E-mailadres praktijkopleider", "supervisor_name": "Begeleider school",
          "supervisor_email": "E-mail begeleider school"}),
    ],
)  # fmt: skip
def test_company_and_people_columns_are_told_apart(headers, expected):
    assert titles("placements", headers) == expected


def test_english_titles_are_guessed_and_a_guardian_column_never_becomes_the_learners_own():
    headers = ["Student number", "First name", "Last name", "Parent e-mail", "Email", "Date of birth", "Crebo"]
    assert titles("learners", headers) == {
        "student_number": "Student number",
        "first_name": "First name",
        "last_name": "Last name",
        "email": "Email",
        "guardian_email": "Parent e-mail",
        "date_of_birth": "Date of birth",
        "programme": "Crebo",
    }


def test_a_remembered_mapping_wins_over_the_guess_and_unknown_titles_are_ignored():
    headers = ["Stamnr", "Roepnaam", "Achternaam", "Mail school", "Mail privé"]
    remembered = {"student_number": "Stamnr", "email": "Mail privé", "cohort": "Not in this file"}
    guessed = titles("learners", headers, remembered=remembered)
    assert guessed["student_number"] == "Stamnr"
    assert guessed["email"] == "Mail privé"
    assert "cohort" not in guessed


@pytest.mark.parametrize(
    ("cell", "number"),
    [("27312345", "27312345"), ("2731 2345", "27312345"), ("27.312.345", "27312345"), ("1234567", "01234567"),
     ("123", "123"), ("KvK 1", "KvK1")],
)  # fmt: skip
def test_a_kvk_number_is_read_without_spaces_or_dots_and_gets_back_the_zero_excel_dropped(cell, number):
    from placements.imports.outcomes import kvk_number

    assert kvk_number(cell) == number
