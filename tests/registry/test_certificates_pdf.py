"""The certificate PDF opens, holds the exact text (diacritics, ligatures) and carries a QR code of the check URL."""

import io
import re
import subprocess
from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation
from PIL import Image

from registry.certificates.documents import certificate_html, certificate_pdf, qr_data_uri, qr_matrix, verify_url
from registry.certificates.services import certificate_issue
from tests.helpers import need_tool, pdf_text

from .factories_certificates import (
    certificate_course,
    enrol_completed,
    participant,
    png_bytes,
    set_rules,
)


@pytest.fixture
def certificate(world):
    course = certificate_course(world, title="Werkmentortraining voorjaar")
    holder = participant(world)  # Zoë Hoekstra-Çelik
    enrolment = enrol_completed(course, holder, world.company)
    return certificate_issue(enrolment=enrolment, issued_by=world.supervisor, issued_on=date(2026, 3, 2))[0]


def test_the_pdf_opens_and_its_text_holds_number_holder_school_and_dates(certificate):
    pdf = certificate_pdf(certificate)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    for expected in (
        certificate.number,
        "Zoë Hoekstra-Çelik",
        "Rijnland Vakcollege",
        "Bakkerij De Korenschoof, Utrecht",
        "Werkmentortraining voorjaar",
        "2 maart 2026",  # Dutch, the school's default certificate language
        "2 maart 2029",
        verify_url(certificate),
    ):
        assert expected in text


def test_ligatures_and_diacritics_come_out_of_the_pdf_exactly(world, certificate):
    set_rules(world.school, certificate_language="en")
    certificate.language = "en"
    certificate.holder_name = "Fiﬂ Ærøskøbing-Šťastná"
    text = pdf_text(certificate_pdf(certificate))
    assert "Work Mentor Certificate" in text  # "fi" is set as a ligature in DejaVu Sans
    assert "This certifies that" in text
    assert "Fiﬂ Ærøskøbing-Šťastná" in text
    assert "2 March 2026" in text


def test_the_qr_code_in_the_pdf_is_the_verification_url(tmp_path, certificate):
    pdf_path = tmp_path / "certificate.pdf"
    pdf_path.write_bytes(certificate_pdf(certificate))
    subprocess.run([need_tool("pdfimages"), "-png", str(pdf_path), str(tmp_path / "image")], check=True)  # noqa: S603
    images = sorted(tmp_path.glob("image-*.png"))
    assert len(images) == 1  # no logo or signature set: the QR code is the only image
    expected = qr_matrix(verify_url(certificate))
    with Image.open(images[0]) as image:
        grey = image.convert("L")
        assert grey.size == (len(expected), len(expected))
        modules = [[grey.getpixel((x, y)) < 128 for x in range(grey.width)] for y in range(grey.height)]
    assert modules == expected


def test_the_html_embeds_the_qr_code_and_prints_the_url(certificate):
    html = certificate_html(certificate)
    url = settings.SITE_URL + reverse("certificate_verify", args=[certificate.public_id])
    assert qr_data_uri(url) in html
    assert url in html


def test_the_school_logo_and_signature_are_embedded(world):
    rules = set_rules(
        world.school, signatory_name="Mr. drs. Jan Ruiter", signatory_title="Voorzitter college van bestuur"
    )
    rules.logo.save("logo.png", io.BytesIO(png_bytes()), save=False)
    rules.signature.save("signature.png", io.BytesIO(png_bytes(size=(80, 30))), save=True)
    # Issued after the settings changed: a certificate keeps the look it was issued with.
    enrolment = enrol_completed(certificate_course(world), participant(world), world.company)
    certificate = certificate_issue(enrolment=enrolment, issued_by=world.supervisor)[0]
    html = certificate_html(certificate)
    assert html.count("data:image/png;base64,") == 3  # logo, signature and QR code
    text = pdf_text(certificate_pdf(certificate))
    assert "Mr. drs. Jan Ruiter" in text
    assert "Voorzitter college van bestuur" in text


def test_a_broken_colour_falls_back_to_the_default(world, certificate):
    rules = set_rules(world.school)
    rules.primary_colour = "red; } body { display: none"
    assert certificate_pdf(certificate, rules=rules).startswith(b"%PDF")


def test_the_pdf_is_one_page(certificate):
    pdf = certificate_pdf(certificate)
    info = subprocess.run([need_tool("pdfinfo"), "-"], input=pdf, capture_output=True, check=True)  # noqa: S603
    assert re.search(rb"^Pages:\s+1$", info.stdout, re.MULTILINE)


def test_the_certificate_is_rendered_in_its_own_language_not_the_viewers(certificate):
    with translation.override("en"):
        html = certificate_html(certificate)
    with translation.override("nl"):
        expected = formats.date_format(certificate.issued_on, "j F Y")
    assert expected in html
    assert 'lang="nl"' in html


def test_the_preview_renders_a_sample_with_the_saved_settings(client, world):
    set_rules(world.school, signatory_name="Petra Jansen")
    client.force_login(world.coordinator)
    response = client.get(reverse("registry_settings_preview"))
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "Zoë Hoekstra-Çelik" in text
    assert "Petra Jansen" in text
