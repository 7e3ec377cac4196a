"""A school's coordinator designs the certificate, previews it with sample data before saving, then uses it."""

from playwright.sync_api import expect

from registry.certificates.documents import certificate_pdf
from registry.certificates.eligibility import registry_settings_for
from registry.certificates.services import sample_certificate
from registry.models import CertificateDesign
from tests.helpers import pdf_text


def test_a_school_previews_and_uses_its_certificate_design(page, log_in, axe, world):
    # The first PDF of a process sets up fonts and stylesheets (seconds on a busy machine): done here, once.
    certificate_pdf(sample_certificate(world.school, registry_settings_for(world.school)))
    log_in(world.coordinator)
    main = page.locator("main")
    page.goto("/registry/designs/")
    axe()
    main.get_by_role("link", name="New design").click()
    axe()
    page.get_by_label("Minimal").check()
    page.get_by_label("Title (English)").fill("Workplace Trainer Certificate")
    page.get_by_label("Title (Dutch)").fill("Certificaat Praktijkopleider")
    page.get_by_label("Signed by").fill("Petra Jansen")
    page.get_by_label("Second signatory (optional)").fill("Jan Ruiter")

    # The preview opens in a new tab: a PDF of a sample certificate in the unsaved design. Chromium shows it or,
    # headless, may download it; either way the PDF arrives.
    arrived = []
    page.context.on(
        "response",
        lambda r: arrived.append(r.headers.get("content-type")) if "/registry/designs/preview/" in r.url else None,
    )
    page.context.on("page", lambda tab: tab.on("download", lambda d: arrived.append(d.suggested_filename)))
    main.get_by_role("button", name="Preview with sample data").click()
    for _wait in range(120):
        if arrived:
            break
        page.wait_for_timeout(500)
    assert arrived and (arrived[0] == "application/pdf" or arrived[0].endswith(".pdf")), arrived
    assert not CertificateDesign.objects.exists()

    main.get_by_role("button", name="Save draft").click()
    expect(page.locator(".alert-success")).to_contain_text("The draft has been saved.")
    axe()
    design = CertificateDesign.objects.get()
    pdf = page.request.get(f"/registry/designs/{design.public_id}/preview/").body()
    text = pdf_text(pdf)
    assert "Certificaat Praktijkopleider" in text and "Jan Ruiter" in text

    main.get_by_role("button", name="Use this design").click()
    expect(main.locator("tbody tr").first).to_contain_text("In use")
    axe()
    design.refresh_from_db()
    assert design.frozen
