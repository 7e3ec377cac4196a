"""Fonts are cut once, not per render: with or without HarfBuzz's subsetter the certificate embeds its fonts and
its text (Dutch diacritics, ligature letters) reads back exactly."""

import subprocess
from datetime import date

import pytest
import weasyprint.pdf.fonts

from accounts.models import School
from core import documents
from registry.certificates.documents import certificate_pdf
from registry.models import Certificate, Course, RegistrySettings
from tests.helpers import need_tool, pdf_text

DUTCH = "Chloë Ruïs-van 't Hoëvenaar"
COMPANY = "Café Één, Ĳsselstein"  # noqa: RUF001 - the Dutch IJ as one letter, as some names are typed


def sample(holder_name=DUTCH, company_name=COMPANY):
    school = School(pk=1, name="Rijnland Vakcollege")
    certificate = Certificate(
        pk=1,
        number="WM-2026-000042",
        holder_name=holder_name,
        company_name=company_name,
        company_city="Zoeterwoude",
        company_country="NL",
        school=school,
        course=Course(pk=1, school=school, title="Werkmentortraining voorjaar"),
        issued_on=date(2026, 3, 2),
        valid_until=date(2029, 3, 2),
        language="nl",
    )
    return certificate, RegistrySettings(school=school)


def pdf_fonts(pdf: bytes, tmp_path) -> list[list[str]]:
    path = tmp_path / "certificate.pdf"
    path.write_bytes(pdf)
    output = subprocess.run([need_tool("pdffonts"), str(path)], capture_output=True, check=True, text=True)  # noqa: S603
    return [line.split() for line in output.stdout.splitlines()[2:]]


@pytest.fixture(params=["harfbuzz", "fonttools"])
def subsetter(request, monkeypatch):
    """Each test runs as the machine is (HarfBuzz) and as if libharfbuzz-subset0 were not installed."""
    if request.param == "fonttools":
        monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    elif not documents.harfbuzz_subsetter():
        pytest.skip("libharfbuzz-subset0 is not installed")
    return request.param


def test_the_certificate_embeds_its_fonts_and_reads_back_in_dutch(subsetter, tmp_path):
    certificate, rules = sample()
    pdf = certificate_pdf(certificate, rules=rules)
    fonts = pdf_fonts(pdf, tmp_path)
    assert [font[0].split("+")[1] for font in fonts] == ["Certificate-Sans-Bold", "Certificate-Sans"]
    assert all(font[-5:-2] == ["yes", "yes", "yes"] for font in fonts)  # embedded, subset or cut, Unicode map
    text = pdf_text(pdf)
    for expected in (DUTCH, COMPANY, "Werkmentorcertificaat", "Certificaatnummer", "2 maart 2026"):
        assert expected in text
    # Without the subsetter the cut faces go in whole instead of being cut again for every certificate.
    assert len(pdf) > 40_000 if subsetter == "fonttools" else len(pdf) < 20_000


def test_letters_outside_the_cut_fall_back_to_the_full_font_still_embedded(subsetter, tmp_path):
    certificate, rules = sample(holder_name="Nguyễn Thị Ánh", company_name="Ωmega Óptica")
    assert not documents.renderer().embeds_whole_faces(certificate.holder_name)
    pdf = certificate_pdf(certificate, rules=rules)
    fonts = pdf_fonts(pdf, tmp_path)
    assert {font[0].split("+")[1] for font in fonts} >= {"Certificate-Sans", "DejaVu-Sans"}
    assert all(font[-5] == "yes" for font in fonts)
    text = pdf_text(pdf)
    assert "Nguyễn Thị Ánh" in text
    assert "Ωmega Óptica" in text
    assert len(pdf) < 40_000  # the full DejaVu Sans is never embedded whole


def test_the_cut_faces_cover_dutch_and_the_eu_latin_alphabets():
    covered = documents.renderer().cut_characters
    assert set("ÀÁÂÄÈÉÊËÏÍÓÖÚÜàáâäèéêëïíóöúüĳĲ€’“”–—") <= covered  # noqa: RUF001
    assert set("ąćęłńśźżčďěňřšťůžőűğışçșțāēīūļņķģ") <= covered
    assert "ễ" not in covered
