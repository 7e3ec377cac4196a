"""A school designs its certificate: access per role, checked input, preview, use, and frozen versions."""

import importlib
import io
import subprocess

import pytest
from django.apps import apps
from django.db.models import ProtectedError
from django.urls import reverse
from PIL import Image

from registry.certificates.design_wording import check_wording, fill_wording
from registry.certificates.designs import DesignFrozen, design_draft_save, design_use
from registry.certificates.documents import certificate_pdf
from registry.models import Certificate, CertificateDesign
from tests.helpers import need_tool, pdf_text

from .factories_certificates import imported_certificate, png_bytes, png_upload, set_rules, world_certificate

FORM = {
    "layout": "modern",
    "primary_colour": "#8a1538",
    "accent_colour": "#204060",
    "title_nl": "Certificaat Praktijkopleider",
    "title_en": "Workplace Trainer Certificate",
    "body_nl": "heeft op {issued_on} de training {course} bij {school} afgerond.",
    "body_en": "completed the training {course} at {school} on {issued_on}.",
    "signatory_name": "Petra Jansen",
    "signatory_role": "Directeur",
    "signatory2_name": "Jan Ruiter",
    "signatory2_role": "Opleidingsmanager",
}


def draft(world, **changes) -> CertificateDesign:
    data = {**FORM, **changes}
    return design_draft_save(school=world.school, data=data, user=world.coordinator)


def bbox(pdf: bytes) -> str:
    """Every word with its box on the page (pdftotext -bbox): the text and its layout."""
    command = [need_tool("pdftotext"), "-bbox", "-", "-"]
    return subprocess.run(command, input=pdf, capture_output=True, check=True).stdout.decode()  # noqa: S603


# --- Access -----------------------------------------------------------------------------------------------


def test_the_school_sees_its_designs(client, world):
    design = draft(world)
    for role in ("coordinator", "supervisor", "staff"):
        client.force_login(getattr(world, role))
        assert client.get(reverse("certificate_designs") + f"?school={world.school.pk}").status_code == 200, role
        assert client.get(reverse("certificate_design", args=[design.public_id])).status_code == 200, role


def test_outsiders_get_404(client, world):
    design = draft(world)
    for role in ("other_coordinator", "other_teacher", "mentor", "company_admin", "learner", "nobody"):
        client.force_login(getattr(world, role))
        for name in ("certificate_design", "certificate_design_preview"):
            assert client.get(reverse(name, args=[design.public_id])).status_code == 404, role
        assert client.post(reverse("certificate_design_use", args=[design.public_id])).status_code == 404, role
        own_school_list = reverse("certificate_designs") + f"?school={world.school.pk}"
        assert client.get(own_school_list).status_code == 404, role
    assert not CertificateDesign.objects.filter(used_at__isnull=False).exists()


def test_a_teacher_previews_but_does_not_change(client, world):
    design = draft(world)
    client.force_login(world.supervisor)
    assert client.get(reverse("certificate_design_preview", args=[design.public_id]))["Content-Type"] == (
        "application/pdf"
    )
    assert client.get(reverse("certificate_design_new")).status_code == 403
    assert client.post(reverse("certificate_design_use", args=[design.public_id])).status_code == 403
    assert client.post(reverse("certificate_design_copy", args=[design.public_id])).status_code == 403
    assert client.post(reverse("certificate_design_preview_form") + "?design=not-a-uuid", FORM).status_code == 404
    assert client.post(reverse("certificate_design", args=[design.public_id]), FORM).status_code == 403
    design.refresh_from_db()
    assert design.used_at is None


# --- Designing, previewing, using -------------------------------------------------------------------------


def test_a_coordinator_previews_an_unsaved_design_then_saves_and_uses_it(client, world):
    client.force_login(world.coordinator)
    assert client.get(reverse("certificate_design_new")).status_code == 200
    preview = client.post(
        reverse("certificate_design_preview_form") + f"?school={world.school.pk}", {**FORM, "logo": png_upload()}
    )
    assert preview["Content-Type"] == "application/pdf"
    assert not CertificateDesign.objects.exists()  # a preview saves nothing
    text = pdf_text(preview.content)
    assert "CERTIFICAAT PRAKTIJKOPLEIDER" in text  # the modern layout sets the title in capitals
    assert "Petra Jansen" in text and "Jan Ruiter" in text
    assert "de training Werkmentortraining bij Rijnland Vakcollege afgerond" in text

    response = client.post(reverse("certificate_design_new"), {**FORM, "logo": png_upload()})
    design = CertificateDesign.objects.get()
    assert response.url == reverse("certificate_design", args=[design.public_id])
    assert design.used_at is None and bytes(design.logo).startswith(b"\x89PNG")
    client.post(reverse("certificate_design_use", args=[design.public_id]))
    design.refresh_from_db()
    assert design.frozen
    assert world_certificate(world).design == design


BAD_INPUT = [
    ({"primary_colour": "red; } body { display: none"}, "Give a colour as #RRGGBB."),
    ({"accent_colour": "#12345"}, "Give a colour as #RRGGBB."),
    ({"body_nl": "Beste {naam}"}, "Unknown placeholder: {naam}."),
    ({"body_en": "{holder} {"}, "Braces { } are only for placeholders"),
    ({"body_en": "x" * 601}, "at most 600 characters"),
    ({"title_nl": "Voor {holder}"}, "The title cannot hold placeholders."),
    ({"signatory_name": ""}, "This field is required."),
    ({"signatory2_name": "", "signatory2_role": "Directeur"}, "Name the second signatory"),
    ({"layout": "baroque"}, "Select a valid choice."),
]


def test_bad_input_is_a_form_message(client, world):
    client.force_login(world.coordinator)
    for changes, message in BAD_INPUT:
        response = client.post(reverse("certificate_design_new"), {**FORM, **changes})
        assert response.status_code == 400, changes
        assert message in response.text, changes
    assert not CertificateDesign.objects.exists()


def _upload(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="image/png")


def _huge_pixels() -> bytes:
    buffer = io.BytesIO()
    Image.new("1", (5000, 5000), 1).save(buffer, "PNG")  # a few kB, 25 million pixels
    return buffer.getvalue()


BAD_LOGOS = {
    "over 1 MB": lambda: _upload("logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * (1024 * 1024 + 10)),
    "not an image": lambda: _upload("logo.png", b"MZ not an image at all"),
    "a GIF": lambda: _upload("logo.gif", b"GIF89a" + png_bytes()),
    "25 megapixels": lambda: _upload("logo.png", _huge_pixels()),
    "truncated": lambda: _upload("logo.png", png_bytes()[:40]),
}


def test_a_bad_logo_is_a_form_message_in_the_form_and_in_the_preview(client, world):
    client.force_login(world.coordinator)
    for label, logo in BAD_LOGOS.items():
        for url in (reverse("certificate_design_new"), reverse("certificate_design_preview_form")):
            response = client.post(url, {**FORM, "logo": logo()})
            assert response.status_code == 400, (label, url)
            text = response.text
            assert "The image can be at most 1 MB." in text or "Upload a PNG or JPEG image" in text, label
    assert not CertificateDesign.objects.exists()


def test_wording_fills_placeholders_escaped_and_drops_an_empty_course():
    text = check_wording("heeft {course} bij {school} <b>afgerond</b>.\r\nGefeliciteerd, {holder}!")
    filled = fill_wording(text, {"course": "", "school": "A&B", "holder": "<script>"})
    assert filled == "<p>heeft bij A&amp;B &lt;b&gt;afgerond&lt;/b&gt;.<br>Gefeliciteerd, &lt;script&gt;!</p>"
    assert "“”" not in fill_wording("de training “{course}” bij {school}", {"school": "X"})


# --- Frozen once used ------------------------------------------------------------------------------------


def test_a_used_design_cannot_be_changed_or_deleted(client, world):
    design = design_use(design=draft(world), user=world.coordinator)
    with pytest.raises(DesignFrozen):
        design_draft_save(school=world.school, data=FORM, user=world.coordinator, draft=design)
    with pytest.raises(ProtectedError):
        design.delete()
    client.force_login(world.coordinator)
    response = client.post(reverse("certificate_design", args=[design.public_id]), {**FORM, "title_nl": "Anders"})
    assert response.status_code == 409
    design.refresh_from_db()
    assert design.title_nl == FORM["title_nl"]
    # Changing it means a new version, a draft again.
    response = client.post(reverse("certificate_design_copy", args=[design.public_id]))
    copy = CertificateDesign.objects.get(version=design.version + 1)
    assert (copy.used_at, copy.title_nl, copy.signatory2_name) == (None, FORM["title_nl"], "Jan Ruiter")


def test_a_certificate_re_renders_identically_after_the_design_changes(world):
    set_rules(world.school, signatory_name="Petra Jansen", primary_colour="#8a1538")
    certificate = world_certificate(world)
    first = certificate_pdf(certificate)
    # The school changes its settings' look, then designs and uses a certificate of its own.
    set_rules(world.school, signatory_name="Someone Else", primary_colour="#000000")
    design_use(design=draft(world, layout="minimal", title_nl="Nieuw certificaat"), user=world.coordinator)
    again = certificate_pdf(Certificate.objects.get(pk=certificate.pk))
    assert again == first  # byte for byte: WeasyPrint writes no dates or random ids here
    assert pdf_text(again) == pdf_text(first) and bbox(again) == bbox(first)
    assert "Werkmentorcertificaat" in pdf_text(again)
    newer = world_certificate(world, title="Werkmentortraining voorjaar")
    assert "Nieuw certificaat" in pdf_text(certificate_pdf(newer))


def test_every_layout_is_one_page_with_logo_and_two_signatures(world):
    certificate = world_certificate(world)
    for layout in CertificateDesign.Layout.values:
        data = {**FORM, "layout": layout, "logo": png_bytes(), "signature": png_bytes(), "signature2": png_bytes()}
        design = design_draft_save(school=world.school, data=data, user=None)
        pdf = certificate_pdf(certificate, design=design)
        info = subprocess.run([need_tool("pdfinfo"), "-"], input=pdf, capture_output=True, check=True)  # noqa: S603
        assert b"Pages:           1" in info.stdout, layout


def test_the_data_migration_records_the_settings_look_for_existing_certificates(world):
    set_rules(world.school, signatory_name="Petra Jansen", primary_colour="#8a1538")
    old = imported_certificate(world)
    assert old.design is None
    migration = importlib.import_module("registry.migrations.0012_certificate_designs_recorded")
    migration.record_designs(apps, None)
    old.refresh_from_db()
    assert old.design.from_settings and old.design.frozen
    assert (old.design.primary_colour, old.design.signatory_name) == ("#8a1538", "Petra Jansen")


def test_the_versions_list_takes_the_same_few_queries_for_more_versions(client, world, django_assert_max_num_queries):
    client.force_login(world.coordinator)
    draft(world)
    client.get(reverse("certificate_designs"))  # sessions and caches warm
    for _ in range(4):
        draft(world)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("certificate_designs"))
    assert response.text.count("Preview version") == 5
